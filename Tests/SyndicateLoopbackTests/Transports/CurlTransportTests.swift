import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

@testable import SyndicateCurl

/// What `CurlTransport` adds to the transport contract: libcurl's own defaults that would change
/// a request are switched off, limits hold, and nothing secret reaches an error.
extension ClientsOverLoopback {
    @Suite("CurlTransport")
    struct CurlTransportTests {
        @Test("libcurl loads on this machine")
        func loads() throws {
            try CurlTransport.availability().get()
        }

        @Test("building needs no libcurl development headers: the C half includes none (a fresh machine lacks them)")
        func noLibcurlHeaders() throws {
            let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/CSyndicateCurl")
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL])
            let sources = files.filter { ["c", "h"].contains($0.pathExtension) }
            #expect(sources.count >= 3)
            for file in sources {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("#include <curl/"), "\(file.lastPathComponent) includes a libcurl header")
            }
        }

        @Test("a body without Content-Type is not declared a form, and no Expect: 100-continue is sent")
        func noAddedMeaning() async throws {
            try await LoopbackServer.withRunning { server in
                let body = Data(repeating: UInt8(ascii: "x"), count: 4096)  // past libcurl's 1 KiB Expect threshold
                let request = HTTPRequest(
                    method: .post, url: server.baseURL.appendingPathComponent("hooks/plain"),
                    headers: ["X-Empty": ""], body: body, timeout: .seconds(2))
                let response = try await CurlTransport().send(request)
                #expect(response.status == 200)
                let received = try #require(server.requests.last)
                let names = received.headers.fields.map { $0.name.lowercased() }
                #expect(!names.contains("content-type"))
                #expect(!names.contains("expect"))
                #expect(received.headers.fields.filter { $0.name.lowercased() == "x-empty" }.map(\.value) == [""])
                #expect(received.body == body)
                #expect(received.headers["User-Agent"]?.hasPrefix("Syndicate/") == true)
            }
        }

        @Test("an empty body is sent as an empty body, and GET without one as a plain GET")
        func emptyBodies() async throws {
            try await LoopbackServer.withRunning { server in
                let transport = CurlTransport()
                _ = try await transport.send(
                    HTTPRequest(method: .post, url: server.baseURL.appendingPathComponent("hooks/empty"), body: Data(), timeout: .seconds(2)))
                _ = try await transport.send(
                    HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("hooks/get"), timeout: .seconds(2)))
                let requests = server.requests
                #expect(requests.map(\.method) == ["POST", "GET"])
                #expect(requests.first?.headers["Content-Length"] == "0")
                #expect(requests.last?.headers["Content-Length"] == nil)
            }
        }

        @Test("a response body over the limit ends with connectionLost, saying so")
        func bodyLimit() async throws {
            try await LoopbackServer.withRunning { server in
                server.script(.response(HTTPResponse(status: 200, body: Data(count: 300_000))), for: .webhook)
                let transport = CurlTransport(configuration: .init(maximumResponseBodySize: 100_000))
                let error = await #expect(throws: HTTPTransportError.self) {
                    try await transport.send(
                        HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("hooks/big"), timeout: .seconds(2)))
                }
                #expect(error?.kind == .connectionLost)
                #expect(error?.message.contains("over 100000 bytes") == true, "\(String(describing: error))")
            }
        }

        @Test("a header field with a line break is refused before anything is sent")
        func headerInjection() async throws {
            try await LoopbackServer.withRunning { server in
                let request = HTTPRequest(
                    method: .post, url: server.baseURL.appendingPathComponent("hooks/inject"),
                    headers: ["X-Note": "a\r\nX-Injected: 1"], body: Data("x".utf8), timeout: .seconds(2))
                let error = await #expect(throws: HTTPTransportError.self) { try await CurlTransport().send(request) }
                #expect(error?.kind == .connectionFailed)
                #expect(server.requests.isEmpty)
            }
        }

        @Test("a method that is not an HTTP token is refused before anything is sent")
        func methodInjection() async throws {
            try await LoopbackServer.withRunning { server in
                let url = server.baseURL.appendingPathComponent("hooks/method")
                for method in ["GET / HTTP/1.1\r\nX-Injected: 1", "", "PO ST"] {
                    let request = HTTPRequest(method: HTTPRequest.Method(rawValue: method), url: url, timeout: .seconds(2))
                    let error = await #expect(throws: HTTPTransportError.self) { try await CurlTransport().send(request) }
                    #expect(error?.kind == .connectionFailed)
                }
                _ = try await CurlTransport().send(HTTPRequest(method: HTTPRequest.Method(rawValue: "PATCH"), url: url, timeout: .seconds(2)))
                #expect(server.requests.map(\.method) == ["PATCH"])
            }
        }

        @Test("an error names the host, never the path or query that may carry a token")
        func errorsHoldNoSecrets() async throws {
            let server = LoopbackServer()
            try await server.start()
            let url = try #require(URL(string: "\(server.baseURL.absoluteString)/secret-path?access_token=s3cr3t"))
            await server.shutdown()
            let error = await #expect(throws: HTTPTransportError.self) {
                try await CurlTransport().send(
                    HTTPRequest(method: .post, url: url, headers: ["Authorization": "Bearer s3cr3t"], timeout: .seconds(1)))
            }
            let text = String(describing: error)
            #expect(text.contains("127.0.0.1"))
            #expect(!text.contains("s3cr3t"))
            #expect(!text.contains("secret-path"))
        }

        @Test("a timeout becomes whole milliseconds, at least one, without overflow")
        func timeoutsAreMilliseconds() {
            #expect(CurlExchange.milliseconds(.milliseconds(300)) == 300)
            #expect(CurlExchange.milliseconds(.seconds(2)) == 2000)
            #expect(CurlExchange.milliseconds(.zero) == 1)
            #expect(CurlExchange.milliseconds(.microseconds(10)) == 1)
            #expect(CurlExchange.milliseconds(.seconds(Int64.max)) == Int.max)
        }
    }
}
