#if AsyncHTTPClientTransport
    import NIOPosix
    import Syndicate
    import Testing

    @testable import SyndicateAsyncHTTPClient

    /// The deadline for reading a body after its head (`AsyncHTTPClientTransport.within`): a
    /// SwiftNIO timer cancels the reading task; the caller's own cancellation stays a cancellation.
    @Suite struct AsyncHTTPClientBodyDeadlineTests {
        let loop = MultiThreadedEventLoopGroup.singleton.any()

        @Test func anOperationWithinTheDeadlineReturnsItsValue() async throws {
            let value = try await AsyncHTTPClientTransport.within(.seconds(5), on: loop, host: "h", timeout: .seconds(5)) { 42 }
            #expect(value == 42)
        }

        @Test func anOperationPastTheDeadlineEndsWithTimedOut() async throws {
            // Were the timer not to cancel it, the operation would return a value after a minute
            // and nothing would be thrown. (No wall-clock bound here: the parallel suite can
            // starve this test for tens of seconds.)
            let error = await #expect(throws: HTTPTransportError.self) {
                try await AsyncHTTPClientTransport.within(.milliseconds(100), on: loop, host: "h", timeout: .seconds(1)) {
                    try await Task.sleep(for: .seconds(60))
                    return 0
                }
            }
            #expect(error?.kind == .timedOut)
        }

        @Test func noTimeLeftEndsWithTimedOutAtOnce() async throws {
            let error = await #expect(throws: HTTPTransportError.self) {
                try await AsyncHTTPClientTransport.within(.zero, on: loop, host: "h", timeout: .seconds(1)) { 0 }
            }
            #expect(error?.kind == .timedOut)
        }

        @Test func theCallersCancellationIsNotATimeout() async throws {
            let task = Task {
                try await AsyncHTTPClientTransport.within(.seconds(60), on: loop, host: "h", timeout: .seconds(60)) {
                    try await Task.sleep(for: .seconds(60))
                    return 0
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }
#endif
