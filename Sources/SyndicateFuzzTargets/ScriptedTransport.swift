import Foundation
import Syndicate

/// A transport that answers with a fixed list of responses, in order, and then fails to
/// connect. Used by ``ResponseFuzzTarget``; also records the requests for seed generation.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: ArraySlice<HTTPResponse>

    init(responses: [HTTPResponse]) {
        pending = responses[...]
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next: HTTPResponse? = lock.withLock { pending.popFirst() }
        guard let next else {
            throw HTTPTransportError(.connectionFailed, "the fuzz script has no more responses")
        }
        return next
    }
}

/// Runs async work to completion from synchronous code (the libFuzzer callback).
enum BlockingTask {
    private final class Box<Value: Sendable>: @unchecked Sendable {
        var value: Value?
        let done = DispatchSemaphore(value: 0)
    }

    /// Runs `work` on the global executor and waits for its result.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let box = Box<Value>()
        Task {
            box.value = await work()
            box.done.signal()
        }
        box.done.wait()
        return box.value!
    }
}
