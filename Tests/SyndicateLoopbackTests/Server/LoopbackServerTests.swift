import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateURLSession
import Testing

/// The server's lifecycle: where it listens, how it stops.
@Suite("LoopbackServer")
struct LoopbackServerTests {
    @Test("listens on 127.0.0.1 on a port the system chose, and stops on shutdown")
    func bindsLoopbackOnly() async throws {
        let server = LoopbackServer()
        #expect(server.baseURL.port == 0)
        try await server.start()
        #expect(server.baseURL.host == "127.0.0.1")
        #expect((server.baseURL.port ?? 0) > 0)
        #expect(server.isRunning)
        let response = try await URLSessionTransport().send(
            HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("hooks/ping"), timeout: .seconds(2)))
        #expect(response.status == 200)
        #expect(server.requests.map(\.path) == ["/hooks/ping"])
        await server.shutdown()
        await server.shutdown()   // twice is fine
        #expect(!server.isRunning)
    }

    @Test("cannot be started twice")
    func startTwice() async throws {
        try await LoopbackServer.withRunning { server in
            await #expect(throws: LoopbackServer.StartError.self) { try await server.start() }
        }
    }

    @Test("stops by itself after its idle timeout")
    func idleTimeout() async throws {
        let server = LoopbackServer(configuration: .init(idleTimeout: .milliseconds(200)))
        try await server.start()
        // Bounded poll: at most 2 s.
        for _ in 0..<100 where server.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!server.isRunning)
        await server.shutdown()
    }

    @Test("clearRecords forgets requests, posts and queued faults")
    func clearRecords() async throws {
        try await LoopbackServer.withRunning { server in
            server.script(.status(500), .status(503), for: .webhook)
            _ = try await URLSessionTransport().send(
                HTTPRequest(method: .post, url: server.baseURL.appendingPathComponent("hooks/a"), timeout: .seconds(2)))
            #expect(server.pendingFaults(for: .webhook) == [.status(503)])
            server.clearRecords()
            #expect(server.requests.isEmpty)
            #expect(server.pendingFaults(for: .webhook).isEmpty)
        }
    }
}
