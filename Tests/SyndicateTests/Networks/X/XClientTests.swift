import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("XClient")
struct XClientTests {
    static let rawSecrets = ["x-consumer-key-1", "x-consumer-secret-2", "x-access-token-3", "x-token-secret-4"]
    let settings = AccountSettings(
        network: .x, account: "school",
        values: [
            "CONSUMER_KEY": "x-consumer-key-1", "CONSUMER_SECRET": "x-consumer-secret-2", "ACCESS_TOKEN": "x-access-token-3",
            "ACCESS_TOKEN_SECRET": "x-token-secret-4",
        ])

    /// The example article without its image (the image tests are in ``XImageUploadTests``).
    func payload() throws -> (Post, SharePayload) {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return (post, try Composer().payload(for: post, on: .x))
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .x, values: [:]))
        // Two uploads (the first with its alt text) come before the post, the fourth request.
        #expect(delivery.remoteID == "1000000000000000004")
        #expect(delivery.url?.absoluteString == "https://x.com/i/web/status/1000000000000000004")
        #expect(delivery.mediaIDs == ["1900000000000000001", "1900000000000000003"])
        #expect(requests.map(\.headers).allSatisfy { $0.contains { $0.name == "Authorization" && $0.value == "OAuth REDACTED" } })
        assertGolden(try Golden.render(requests), named: "dry-run-x-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("posts {\"text\"} as JSON, signed with OAuth 1.0a from the environment's nonce and clock")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try XClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.x.com/2/tweets")
        #expect(request.headers["Content-Type"] == "application/json")
        // Signature computed independently (Python hmac/hashlib) for these credentials, nonce and time.
        #expect(
            request.headers["Authorization"]
                == #"OAuth oauth_consumer_key="x-consumer-key-1", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "#
                + #"oauth_signature_method="HMAC-SHA1", oauth_timestamp="1767225600", oauth_token="x-access-token-3", "#
                + #"oauth_version="1.0", oauth_signature="IE5IVMpexl1pQXPSERjadd00P54%3D""#)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body.count == 1)
        #expect(body["text"] as? String == payload.text)
    }

    @Test("BEARER_TOKEN alone authorises with an OAuth 2.0 bearer; API_BASE moves the endpoint")
    func bearerToken() async throws {
        let transport = DryRunTransport()
        let bearer = AccountSettings(
            network: .x, values: ["BEARER_TOKEN": "x-bearer-token-5", "API_BASE": "http://127.0.0.1:8080/"])
        let client = try XClient(settings: bearer, environment: DryRunHarness.environment(transport))
        #expect(client.secrets == ["x-bearer-token-5"])
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/2/tweets")
        #expect(request.headers["Authorization"] == "Bearer x-bearer-token-5")
    }

    @Test("a thread is posted as replies, each to the part before")
    func thread() async throws {
        let transport = DryRunTransport()
        let client = try XClient(settings: settings, environment: DryRunHarness.environment(transport))
        var (post, payload) = try payload()
        payload.parts = [
            .init(index: 1, text: "one 1/3", length: 7), .init(index: 2, text: "two 2/3", length: 7),
            .init(index: 3, text: "three 3/3", length: 9),
        ]
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == "1000000000000000001")
        #expect(delivery.partIDs == ["1000000000000000001", "1000000000000000002", "1000000000000000003"])
        let bodies = try await transport.requests.map {
            try #require(JSONSerialization.jsonObject(with: $0.body ?? Data()) as? [String: Any])
        }
        #expect(bodies.map { $0["text"] as? String } == ["one 1/3", "two 2/3", "three 3/3"])
        #expect(bodies[0]["reply"] == nil)
        #expect((bodies[1]["reply"] as? [String: String]) == ["in_reply_to_tweet_id": "1000000000000000001"])
        #expect((bodies[2]["reply"] as? [String: String]) == ["in_reply_to_tweet_id": "1000000000000000002"])
    }

    @Test("no credentials: the error names every variable to set")
    func missingCredentials() throws {
        do {
            _ = try XClient(settings: AccountSettings(network: .x, values: [:]), environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            for name in ["CONSUMER_KEY", "CONSUMER_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET", "BEARER_TOKEN"] {
                #expect(error.description.contains("SYNDICATE_X_\(name)"), "\(name)")
            }
        }
    }

    @Test("incomplete OAuth 1.0a credentials: the error names the one missing")
    func incompleteCredentials() throws {
        var partial = settings
        partial.values["ACCESS_TOKEN_SECRET"] = nil
        do {
            _ = try XClient(settings: partial, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            #expect(error.message == "the OAuth 1.0a credentials are incomplete: ACCESS_TOKEN_SECRET missing, and no BEARER_TOKEN is set")
            #expect(error.fix.hasPrefix("set SYNDICATE_X_ACCESS_TOKEN_SECRET (OAuth 1.0a"))
            #expect(!error.fix.contains("SYNDICATE_X_CONSUMER_KEY"))
        }
    }

    func failure(_ response: HTTPResponse) async throws -> DeliveryError {
        let client = try XClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport { _ in response }))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
        } catch {
            for secret in Self.rawSecrets { #expect(!error.description.contains(secret), "\(secret) leaked") }
            return error
        }
        Issue.record("expected an error for HTTP \(response.status)")
        return DeliveryError(.unexpectedResponse, network: .x, account: "school", message: "none")
    }

    func json(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test("401 is unauthorized, with the network's detail, secrets redacted")
    func unauthorized() async throws {
        let error = try await failure(
            json(401, #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Token x-access-token-3 is invalid"}"#))
        #expect(error.category == .unauthorized)
        #expect(error.status == 401)
        #expect(error.networkMessage == "Token REDACTED is invalid")
        #expect(error.fix.contains("SYNDICATE_X_ACCESS_TOKEN_SECRET"))
    }

    @Test("403 duplicate content is a duplicate, not a failure")
    func duplicate() async throws {
        let error = try await failure(
            json(
                403,
                #"{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}"#
            ))
        #expect(error.category == .duplicate)
        #expect(error.networkMessage == "You are not allowed to create a Tweet with duplicate content.")
        #expect(!error.isRetryable)
    }

    @Test("the legacy code 187 is a duplicate too")
    func legacyDuplicate() async throws {
        let error = try await failure(json(403, #"{"errors":[{"code":187,"message":"Status is a duplicate."}]}"#))
        #expect(error.category == .duplicate)
        #expect(error.networkMessage == "Status is a duplicate.")
    }

    @Test("another 403 is forbidden")
    func forbidden() async throws {
        let error = try await failure(
            json(403, #"{"title":"Forbidden","detail":"You are not permitted to perform this action.","status":403}"#))
        #expect(error.category == .forbidden)
        #expect(error.networkMessage == "You are not permitted to perform this action.")
        #expect(error.fix.contains("Read and write"))
    }

    @Test("429 waits until x-rate-limit-reset")
    func rateLimited() async throws {
        let error = try await failure(
            json(
                429, #"{"errors":[{"code":88,"message":"Rate limit exceeded"}]}"#,
                headers: ["x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1767226500"]))
        #expect(error.category == .rateLimited)
        #expect(error.retryAfter == Date(timeIntervalSince1970: 1_767_226_500))
        #expect(error.networkMessage == "Rate limit exceeded")
        #expect(!error.mayHaveReachedNetwork)
    }

    @Test("500 is a server error that may have reached X")
    func serverError() async throws {
        let error = try await failure(json(500, #"{"title":"Internal Server Error","status":500}"#))
        #expect(error.category == .serverError)
        #expect(error.networkMessage == "Internal Server Error")
        #expect(error.mayHaveReachedNetwork)
    }
}
