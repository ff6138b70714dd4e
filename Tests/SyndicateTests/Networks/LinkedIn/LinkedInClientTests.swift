import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("LinkedInClient")
struct LinkedInClientTests {
    let settings = AccountSettings(
        network: .linkedin, account: "school",
        values: ["ACCESS_TOKEN": "li-access-token-58af", "AUTHOR": "urn:li:organization:2414183"])

    func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        return (post, try CardComposer.composer.payload(for: post, on: .linkedin))
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .linkedin, values: [:]))
        // Two images (initialized and uploaded: answers 1 to 4) go before the post.
        #expect(delivery.remoteID == "urn:li:share:7000000000000000005")
        #expect(delivery.url?.absoluteString == "https://www.linkedin.com/feed/update/urn:li:share:7000000000000000005")
        #expect(delivery.mediaIDs.count == 2)
        assertGolden(
            try Golden.render(requests), named: "dry-run-linkedin-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("API_BASE may name the host or the /rest root; either way the request goes to /rest/posts once")
    func apiBaseWithRest() async throws {
        for base in ["https://api.linkedin.com/rest/", "https://api.linkedin.com/rest", "https://api.linkedin.com/", "api.linkedin.com"] {
            var values = settings.values
            values["API_BASE"] = base
            let transport = DryRunTransport()
            let client = try LinkedInClient(
                settings: AccountSettings(network: .linkedin, values: values), environment: DryRunHarness.environment(transport))
            let (post, payload) = try payload()
            _ = try await client.deliver(payload, of: post)
            #expect(await transport.requests.first?.url.absoluteString == "https://api.linkedin.com/rest/posts", "API_BASE \(base)")
        }
    }

    @Test("posts the Posts API body with version headers; commentary is sent as composed, not escaped again")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try LinkedInClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.linkedin.com/rest/posts")
        #expect(request.headers["Authorization"] == "Bearer li-access-token-58af")
        #expect(request.headers["LinkedIn-Version"] == "202601")
        #expect(request.headers["X-Restli-Protocol-Version"] == "2.0.0")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(Set(body.keys) == ["author", "commentary", "visibility", "distribution", "lifecycleState", "isReshareDisabledByAuthor", "content"])
        #expect(body["author"] as? String == "urn:li:organization:2414183")
        let commentary = try #require(body["commentary"] as? String)
        #expect(commentary == payload.commentary)
        #expect(commentary.contains(#"Leaders \(ASCL\)"#))
        #expect(!commentary.contains(#"\\("#))
        #expect(body["visibility"] as? String == "PUBLIC")
        #expect(body["lifecycleState"] as? String == "PUBLISHED")
        #expect(body["isReshareDisabledByAuthor"] as? Bool == false)
        let distribution = try #require(body["distribution"] as? [String: Any])
        #expect(distribution["feedDistribution"] as? String == "MAIN_FEED")
        #expect((distribution["targetEntities"] as? [Any])?.isEmpty == true)
        #expect((distribution["thirdPartyDistributionChannels"] as? [Any])?.isEmpty == true)
        let article = try #require((body["content"] as? [String: Any])?["article"] as? [String: String])
        let source = try #require(payload.article?.source.absoluteString)
        #expect(
            article == [
                "source": source,
                "title": "School leaders can spend a year on secondment to Ofsted",
                "description":
                    "Middle leaders will be able to join Ofsted for a year under a secondment scheme Amanda Spielman announced at the ASCL conference.",
            ])
    }

    @Test("without an article there is no content; API_VERSION sets LinkedIn-Version")
    func withoutArticle() async throws {
        let transport = DryRunTransport()
        var versioned = settings
        versioned.values["API_VERSION"] = "202507"
        let client = try LinkedInClient(settings: versioned, environment: DryRunHarness.environment(transport))
        var (post, payload) = try payload()
        payload.article = nil
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.headers["LinkedIn-Version"] == "202507")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["content"] == nil)
    }

    @Test("an author that is not a person or organization URN is refused", arguments: ["12345", "urn:li:person:", "urn:li:company:1"])
    func invalidAuthor(_ author: String) throws {
        var bad = settings
        bad.values["AUTHOR"] = author
        do {
            _ = try LinkedInClient(settings: bad, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected an invalid-configuration error")
        } catch {
            #expect(error.category == .invalidConfiguration)
            #expect(error.fix.hasPrefix("set SYNDICATE_LINKEDIN_AUTHOR to urn:li:person:"))
        }
    }

    @Test("a missing setting names the variable to set", arguments: ["ACCESS_TOKEN", "AUTHOR"])
    func missingSetting(_ setting: String) throws {
        var bare = settings
        bare.values[setting] = nil
        do {
            _ = try LinkedInClient(settings: bare, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            #expect(error.fix == "set SYNDICATE_LINKEDIN_\(setting) and run again.")
        }
    }

    @Test("a success without x-restli-id is an unexpected response")
    func missingURN() async throws {
        let client = try LinkedInClient(
            settings: settings, environment: DryRunHarness.environment(DryRunTransport { _ in HTTPResponse(status: 201) }))
        let (post, payload) = try payload()
        await #expect(throws: DeliveryError.self) { try await client.deliver(payload, of: post) }
    }

    func failure(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) async throws -> DeliveryError {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        let client = try LinkedInClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport { _ in response }))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
        } catch {
            #expect(!error.description.contains("li-access-token-58af"))
            return error
        }
        Issue.record("expected an error for HTTP \(status)")
        return DeliveryError(.unexpectedResponse, network: .linkedin, account: "school", message: "none")
    }

    @Test("401 is unauthorized, the token redacted from the message")
    func unauthorized() async throws {
        let error = try await failure(
            401, #"{"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token li-access-token-58af has been revoked"}"#)
        #expect(error.category == .unauthorized)
        #expect(error.networkMessage == "The token REDACTED has been revoked")
    }

    @Test("422 DUPLICATE_POST is a duplicate")
    func duplicate() async throws {
        let error = try await failure(
            422,
            #"{"status":422,"message":"ERROR :: /commentary :: Content is a duplicate of urn:li:share:7295588489876647936","errorDetails":{"inputErrors":[{"code":"DUPLICATE_POST","input":{"inputPath":{"fieldPath":"/commentary"}}}]}}"#
        )
        #expect(error.category == .duplicate)
        #expect(error.networkMessage == "ERROR :: /commentary :: Content is a duplicate of urn:li:share:7295588489876647936")
        #expect(error.existing?.remoteID == "urn:li:share:7295588489876647936")
        #expect(error.existing?.url?.absoluteString == "https://www.linkedin.com/feed/update/urn:li:share:7295588489876647936")
        let vague = try await failure(422, #"{"status":422,"message":"Duplicate post"}"#)
        #expect(vague.category == .duplicate && vague.existing == nil)
    }

    @Test("another 422 is an invalid payload; 403 is forbidden")
    func otherClientErrors() async throws {
        let invalid = try await failure(422, #"{"status":422,"message":"/commentary: length exceeds 3000"}"#)
        #expect(invalid.category == .invalidPayload)
        let forbidden = try await failure(403, #"{"status":403,"message":"Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101"}"#)
        #expect(forbidden.category == .forbidden)
        #expect(forbidden.fix.contains("w_member_social"))
    }

    @Test("429 waits for Retry-After")
    func rateLimited() async throws {
        let error = try await failure(429, #"{"status":429,"message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached."}"#, headers: ["Retry-After": "3600"])
        #expect(error.category == .rateLimited)
        #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(3600))
    }

    @Test("500 is a server error")
    func serverError() async throws {
        let error = try await failure(500, #"{"status":500,"message":"Internal Server Error"}"#)
        #expect(error.category == .serverError)
        #expect(error.networkMessage == "Internal Server Error")
    }
}
