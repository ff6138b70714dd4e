import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("FacebookClient")
struct FacebookClientTests {
    static let rawSecrets = ["fb-page-token-93c2", "fb-app-secret-7d41", "0f1e7844624a2af90e2da84c2ba5a1b416d9c00fef9bb220c9b5654ac5dfed2c"]
    let settings = AccountSettings(
        network: .facebook, account: "school",
        values: ["PAGE_ID": "123456789", "PAGE_TOKEN": "fb-page-token-93c2", "APP_SECRET": "fb-app-secret-7d41"])

    /// The example article without its images (the image tests are in ``FacebookPhotoUploadTests``).
    func payload() throws -> (Post, SharePayload) {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return (post, try Composer().payload(for: post, on: .facebook))
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .facebook, values: [:]))
        // Two unpublished photos come before the post, the third request.
        #expect(delivery.remoteID == "1000000000_3")
        #expect(delivery.url?.absoluteString == "https://www.facebook.com/1000000000_3")
        #expect(delivery.mediaIDs == ["900000000001", "900000000002"])
        let body = try #require(requests.last?.body)
        #expect(body.contains("access_token=REDACTED&appsecret_proof=REDACTED"))
        assertGolden(
            try Golden.render(requests), named: "dry-run-facebook-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("posts message, link, page token and appsecret_proof as a form to /{version}/{page}/feed")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try FacebookClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == "123456789_1")
        let requests = await transport.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://graph.facebook.com/v21.0/123456789/feed")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["Authorization"] == nil)
        let fields = PercentEncoding.decodeQuery(String(decoding: request.body ?? Data(), as: UTF8.self))
        #expect(fields.map(\.name) == ["message", "link", "access_token", "appsecret_proof"])
        #expect(fields[0].value == payload.message)
        #expect(fields[1].value == payload.link?.absoluteString)
        #expect(fields[2].value == "fb-page-token-93c2")
        #expect(fields[3].value == "0f1e7844624a2af90e2da84c2ba5a1b416d9c00fef9bb220c9b5654ac5dfed2c")
    }

    @Test("without APP_SECRET no proof is sent; API_BASE and API_VERSION move the endpoint")
    func withoutAppSecret() async throws {
        let transport = DryRunTransport()
        let bare = AccountSettings(
            network: .facebook,
            values: ["PAGE_ID": "42", "PAGE_TOKEN": "fb-page-token-93c2", "API_BASE": "http://127.0.0.1:9000", "API_VERSION": "22.0"])
        let client = try FacebookClient(settings: bare, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:9000/v22.0/42/feed")
        let fields = PercentEncoding.decodeQuery(String(decoding: request.body ?? Data(), as: UTF8.self))
        #expect(fields.map(\.name) == ["message", "link", "access_token"])
    }

    @Test("a missing PAGE_ID or PAGE_TOKEN names the variable to set", arguments: ["PAGE_ID", "PAGE_TOKEN"])
    func missingSetting(_ setting: String) throws {
        var bare = settings
        bare.values[setting] = nil
        do {
            _ = try FacebookClient(settings: bare, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            #expect(error.fix == "set SYNDICATE_FACEBOOK_\(setting) and run again.")
        }
    }

    func failure(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) async throws -> DeliveryError {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        let client = try FacebookClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport { _ in response }))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
        } catch {
            for secret in Self.rawSecrets { #expect(!error.description.contains(secret), "\(secret) leaked") }
            return error
        }
        Issue.record("expected an error for HTTP \(status)")
        return DeliveryError(.unexpectedResponse, network: .facebook, account: "school", message: "none")
    }

    @Test("HTTP 401 and Graph code 190 are unauthorized, the token redacted from the message")
    func unauthorized() async throws {
        let error = try await failure(
            401,
            #"{"error":{"message":"Error validating access token: fb-page-token-93c2 has expired","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A1"}}"#
        )
        #expect(error.category == .unauthorized)
        #expect(error.status == 401)
        #expect(error.networkMessage == "(#190) Error validating access token: REDACTED has expired")
        // The Graph API usually answers an expired token with 400: the code decides.
        let expired = try await failure(
            400, #"{"error":{"message":"Session has expired","type":"OAuthException","code":190,"error_subcode":463}}"#)
        #expect(expired.category == .unauthorized)
        #expect(expired.networkMessage == "(#190) Session has expired")
        let bare = try await failure(401, "")
        #expect(bare.category == .unauthorized)
        #expect(bare.networkMessage == nil)
    }

    @Test("duplicates: #506, #368 and a message saying duplicate", arguments: [
        (400, #"{"error":{"message":"(#506) Duplicate status message","type":"OAuthException","code":506}}"#, "(#506) Duplicate status message"),
        (400, #"{"error":{"message":"You've already posted this.","type":"OAuthException","code":368,"error_subcode":1390008}}"#, "(#368) You've already posted this."),
        (403, #"{"error":{"message":"Duplicate post","type":"OAuthException","code":1}}"#, "(#1) Duplicate post"),
    ])
    func duplicate(status: Int, body: String, said: String) async throws {
        let error = try await failure(status, body)
        #expect(error.category == .duplicate)
        #expect(error.networkMessage == said)
        #expect(!error.isRetryable)
    }

    @Test("Graph call limits 4, 17, 32, 613 and HTTP 429 are rate limits", arguments: [4, 17, 32, 613])
    func rateLimitCodes(_ code: Int) async throws {
        let error = try await failure(400, #"{"error":{"message":"Application request limit reached","type":"OAuthException","code":\#(code)}}"#)
        #expect(error.category == .rateLimited)
        #expect(error.networkMessage == "(#\(code)) Application request limit reached")
    }

    @Test("HTTP 429 with Retry-After sets the retry time")
    func rateLimited() async throws {
        let error = try await failure(
            429, #"{"error":{"message":"User request limit reached","type":"OAuthException","code":17}}"#, headers: ["Retry-After": "120"])
        #expect(error.category == .rateLimited)
        #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(120))
    }

    @Test("Graph codes 10 and 200 are forbidden", arguments: [10, 200])
    func forbidden(_ code: Int) async throws {
        let error = try await failure(
            403, #"{"error":{"message":"(#\#(code)) Requires pages_manage_posts permission","type":"OAuthException","code":\#(code)}}"#)
        #expect(error.category == .forbidden)
        #expect(error.networkMessage == "(#\(code)) Requires pages_manage_posts permission")
    }

    @Test("500 is a server error that may have reached Facebook")
    func serverError() async throws {
        let error = try await failure(
            500, #"{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":2}}"#)
        #expect(error.category == .serverError)
        #expect(error.mayHaveReachedNetwork)
        #expect(error.networkMessage == "(#2) An unexpected error has occurred. Please retry your request later.")
    }
}
