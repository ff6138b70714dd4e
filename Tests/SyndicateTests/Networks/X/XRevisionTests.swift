import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("XClient: retract")
struct XRevisionTests {
    let settings = AccountSettings(
        network: .x, account: "school",
        values: [
            "CONSUMER_KEY": "x-consumer-key-1", "CONSUMER_SECRET": "x-consumer-secret-2", "ACCESS_TOKEN": "x-access-token-3",
            "ACCESS_TOKEN_SECRET": "x-token-secret-4",
        ])

    /// A JSON answer.
    static func answer(_ status: Int, _ json: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: Data(json.utf8))
    }

    func client(_ transport: DryRunTransport, settings: AccountSettings? = nil) throws(DeliveryError) -> XClient {
        try XClient(settings: settings ?? self.settings, environment: DryRunHarness.environment(transport))
    }

    @Test("X can delete but not edit")
    func support() throws {
        let client = try client(DryRunTransport())
        #expect(client.revisionSupport == .deleteOnly(.x))
        guard case .unsupported(let reason) = client.revisionSupport.edit else {
            Issue.record("edit should be unsupported")
            return
        }
        #expect(reason.contains("X's API cannot edit a post"))
    }

    @Test("DELETE /2/tweets/:id with no body, signed with OAuth 1.0a over no body parameters")
    func requestShape() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(PostedCopy(network: .x, account: "school", remoteID: "1900000000000000001"))
        let requests = await transport.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .delete)
        #expect(request.url.absoluteString == "https://api.x.com/2/tweets/1900000000000000001")
        #expect(request.body == nil)
        // The signature recomputed from the header's own parameters, the method and the URL alone.
        let header = try #require(request.headers["Authorization"])
        #expect(header.hasPrefix("OAuth "))
        var parameters: [(name: String, value: String)] = []
        for part in header.dropFirst("OAuth ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            parameters.append((String(pair[0]), String(pair[1].dropFirst().dropLast()).removingPercentEncoding ?? ""))
        }
        #expect(parameters.first { $0.name == "oauth_token" }?.value == "x-access-token-3")
        let signature = try #require(parameters.first { $0.name == "oauth_signature" }?.value)
        let signer = OAuth1Signer(
            credentials: .init(consumerKey: "x-consumer-key-1", consumerSecret: "x-consumer-secret-2", token: "x-access-token-3", tokenSecret: "x-token-secret-4"))
        let base = OAuth1Signer.baseString(method: "DELETE", url: request.url, parameters: parameters)
        #expect(base.hasPrefix("DELETE&https%3A%2F%2Fapi.x.com%2F2%2Ftweets%2F1900000000000000001&oauth_consumer_key"))
        #expect(signer.signature(of: base) == signature)
    }

    @Test("with BEARER_TOKEN the delete carries the OAuth 2.0 user token")
    func bearer() async throws {
        let transport = DryRunTransport()
        let bearer = AccountSettings(network: .x, values: ["BEARER_TOKEN": "x-bearer-token-5", "API_BASE": "http://127.0.0.1:8080/"])
        try await client(transport, settings: bearer).retract(PostedCopy(network: .x, account: "default", remoteID: "7"))
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/2/tweets/7")
        #expect(request.headers["Authorization"] == "Bearer x-bearer-token-5")
    }

    @Test("a thread is deleted last part first")
    func threadOrder() async throws {
        let transport = DryRunTransport()
        let copy = PostedCopy(network: .x, account: "school", remoteID: "1", partIDs: ["1", "2", "3"])
        try await client(transport).retract(copy)
        #expect(await transport.requests.map(\.url.lastPathComponent) == ["3", "2", "1"])
        #expect(await transport.requests.allSatisfy { $0.method == .delete })
    }

    @Test("a post already gone (404) counts as deleted")
    func alreadyGone() async throws {
        let response = Self.answer(404, #"{"title":"Not Found Error","detail":"Could not find tweet with id: [5].","type":"https://api.twitter.com/2/problems/resource-not-found","status":404}"#)
        let transport = DryRunTransport { _ in response }
        try await client(transport).retract(PostedCopy(network: .x, account: "school", remoteID: "5", partIDs: ["5", "6"]))
        #expect(await transport.requests.count == 2, "every part is still asked for")
    }

    @Test("deleted: false is an error, never recorded as deleted")
    func notDeleted() async throws {
        let transport = DryRunTransport { _ in Self.answer(200, #"{"data":{"deleted":false}}"#) }
        do throws(DeliveryError) {
            try await client(transport).retract(PostedCopy(network: .x, account: "school", remoteID: "5"))
            Issue.record("deleted: false must fail")
        } catch {
            #expect(error.category == .unexpectedResponse)
            #expect(error.message.contains("not deleted"))
        }
    }

    @Test("401, 403 and 429 read as elsewhere, and the delete stops at the first failure")
    func errors() async throws {
        let unauthorized = DryRunTransport { _ in Self.answer(401, #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#) }
        await #expect(throws: DeliveryError.self) { try await client(unauthorized).retract(PostedCopy(network: .x, account: "school", remoteID: "5")) }
        do throws(DeliveryError) {
            try await client(unauthorized).retract(PostedCopy(network: .x, account: "school", remoteID: "5", partIDs: ["5", "6"]))
        } catch {
            #expect(error.category == .unauthorized)
            #expect(!error.description.contains("x-token-secret-4"))
        }
        #expect(await unauthorized.requests.count == 2, "one request each time: the last part, then stop")

        let forbidden = DryRunTransport { _ in Self.answer(403, #"{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not allowed to delete this Tweet."}"#) }
        do throws(DeliveryError) {
            try await client(forbidden).retract(PostedCopy(network: .x, account: "school", remoteID: "5"))
            Issue.record("a 403 must fail")
        } catch {
            #expect(error.category == .forbidden)
            #expect(error.message.contains("post 5"))
        }

        let reset = Int(DryRunHarness.now.timeIntervalSince1970) + 600
        let limited = DryRunTransport { _ in
            Self.answer(429, #"{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}"#, headers: ["x-rate-limit-reset": String(reset)])
        }
        do throws(DeliveryError) {
            try await client(limited).retract(PostedCopy(network: .x, account: "school", remoteID: "5"))
            Issue.record("a 429 must fail")
        } catch {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter == Date(timeIntervalSince1970: TimeInterval(reset)))
        }
    }

    @Test("edit is refused without a request, naming the repost")
    func edit() async throws {
        let transport = DryRunTransport()
        let client = try client(transport)
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .x)
        let result = await CrossPoster(environment: DryRunHarness.environment(transport))
            .edit(PostedCopy(network: .x, account: "school", remoteID: "5"), to: payload, of: post, through: client)
        #expect(result.error?.category == .unsupported)
        #expect(result.error?.fix.contains("repost") == true)
        #expect(await transport.requests.isEmpty)
    }
}
