import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("TumblrClient")
struct TumblrClientTests {
    static let rawSecrets = ["tb-consumer-key-1", "tb-consumer-secret-2", "tb-access-token-3", "tb-token-secret-4"]
    let settings = AccountSettings(
        network: .tumblr, account: "school",
        values: [
            "BLOG": "school-news", "CONSUMER_KEY": "tb-consumer-key-1", "CONSUMER_SECRET": "tb-consumer-secret-2",
            "ACCESS_TOKEN": "tb-access-token-3", "ACCESS_TOKEN_SECRET": "tb-token-secret-4",
        ])

    /// The example article without its images (the image tests keep them).
    func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try Composer().payload(for: post, on: .tumblr)
        payload.images = []
        return (post, payload)
    }

    @Test("public images go first as NPF image blocks with media url, width, height and alt_text (left out when none)")
    func imageBlocks() async throws {
        let transport = DryRunTransport()
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .tumblr)
        let delivery = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let content = try #require(body["content"] as? [[String: Any]])
        let expected: [[String: Any]] = [
            [
                "type": "image", "alt_text": "Amanda Spielman speaking at the ASCL annual conference in Birmingham",
                "media": [["url": "https://digest.schoolsweek.example/wp-content/uploads/2019/03/spielman-ascl.jpg", "width": 1200, "height": 630]],
            ],
            ["type": "image", "media": [["url": "https://digest.schoolsweek.example/wp-content/uploads/2019/03/spielman-ascl-square.jpg", "width": 800, "height": 800]]],
        ]
        #expect((Array(content.prefix(2)) as NSArray).isEqual(to: expected))
        #expect(content.dropFirst(2).allSatisfy { $0["type"] as? String != "image" })
        #expect(delivery.warnings.isEmpty)
    }

    @Test("dry-run requests for the sports-day post match the golden: its local images are left out, with warnings")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .tumblr, values: [:]))
        // The composer leaves the local files out (the network fetches images by URL) and says so.
        let payload = try Composer().payload(for: post, on: .tumblr)
        #expect(payload.images.isEmpty)
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.map(\.message).allSatisfy { $0.contains("fetches images from their web address") })
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
        #expect(payload.warnings.first { $0.code == .imageLeftOut }?.message.contains("sports-day-relay.jpg") == true)
        #expect(delivery.warnings.isEmpty)
        #expect(requests.first?.body?.contains(#""type":"image""#) == false)
        assertGolden(try Golden.render(requests), named: "dry-run-tumblr-sports-day-md", target: "SyndicateTests")
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .tumblr, values: [:]))
        #expect(delivery.remoteID == "7100000000000001")
        #expect(delivery.url?.absoluteString == "https://dry-run-school.tumblr.com/post/7100000000000001")
        #expect(requests.count == 1)
        #expect(requests.map(\.headers).allSatisfy { $0.contains { $0.name == "Authorization" && $0.value == "OAuth REDACTED" } })
        assertGolden(try Golden.render(requests), named: "dry-run-tumblr-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("the payload: summary text, up to five tags from the candidates, and a link block with the card")
    func payloadFields() throws {
        let (post, payload) = try payload()
        #expect(payload.limit == 4096)
        #expect(!payload.text.contains("http"))
        #expect(!payload.text.contains("#"))
        #expect(!payload.hashtags.isEmpty && payload.hashtags.count <= 5)
        let block = try #require(payload.linkBlock)
        #expect(block.url == payload.link)
        #expect(block.title == post.title)
        #expect(!block.description.isEmpty)
    }

    @Test("posts NPF JSON: a text block per paragraph, the link block, comma-joined tags, the link as source")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(transport))
        var (post, payload) = try payload()
        payload.text = "First paragraph.\nSame paragraph.\n\n  \nSecond paragraph."
        payload.hashtags = ["Ofsted", "Early Years", "a,b"]
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == "7100000000000001")
        #expect(delivery.url?.absoluteString == "https://school-news.tumblr.com/post/7100000000000001")
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.tumblr.com/v2/blog/school-news/posts")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["User-Agent"] == TumblrClient.userAgent)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let link = try #require(payload.link).absoluteString
        let block = try #require(payload.linkBlock)
        let expected: [String: Any] = [
            "content": [
                ["type": "text", "text": "First paragraph.\nSame paragraph."],
                ["type": "text", "text": "Second paragraph."],
                ["type": "link", "url": link, "title": block.title, "description": block.description],
            ],
            "state": "published", "tags": "Ofsted,Early Years,a b", "source_url": link,
        ]
        #expect((body as NSDictionary).isEqual(to: expected))
    }

    @Test("the signature covers method, URL and oauth parameters only: the JSON body is not signed")
    func signature() async throws {
        let transport = DryRunTransport()
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        let header = try #require(request.headers["Authorization"])
        #expect(header.hasPrefix(#"OAuth oauth_consumer_key="tb-consumer-key-1", oauth_nonce="\#(DryRunHarness.nonce)", "#))
        #expect(header.contains(#"oauth_signature_method="HMAC-SHA1""#))
        #expect(header.contains(#"oauth_token="tb-access-token-3""#))
        // The same request with another body signs the same.
        let signer = OAuth1Signer(
            credentials: .init(
                consumerKey: "tb-consumer-key-1", consumerSecret: "tb-consumer-secret-2", token: "tb-access-token-3",
                tokenSecret: "tb-token-secret-4"))
        var other = request
        other.headers["Authorization"] = nil
        other.body = Data(#"{"content":[]}"#.utf8)
        #expect(signer.authorization(for: other, nonce: DryRunHarness.nonce, timestamp: DryRunHarness.now) == header)
        // Computed outside Swift (Python's hmac over RFC 5849's base string of POST, the URL and
        // the six oauth_* parameters, keyed "tb-consumer-secret-2&tb-token-secret-4"), so that a
        // signing bug cannot agree with itself.
        #expect(request.url.absoluteString == "https://api.tumblr.com/v2/blog/school-news/posts")
        #expect(header.hasSuffix(#"oauth_signature="c4Ax4Znsc8ebuE9NfQuIxToBq4Y%3D""#))
    }

    @Test("BLOG may be a name, hostname, UUID or blog URL; the post URL follows it (none for a UUID)")
    func blogForms() {
        #expect(TumblrParts.paragraphs("One.\r\n\r\nTwo,\r\nstill two.\n\nThree.") == ["One.", "Two,\nstill two.", "Three."])
        #expect(TumblrParts.blogIdentifier("staff") == "staff")
        #expect(TumblrParts.blogIdentifier(" staff.tumblr.com/ ") == "staff.tumblr.com")
        #expect(TumblrParts.blogIdentifier("https://staff.tumblr.com/") == "staff.tumblr.com")
        #expect(TumblrParts.blogIdentifier("https://www.tumblr.com/changes") == "changes")
        #expect(TumblrParts.blogIdentifier("t:0aY0xL2Fi1OFJg4YxpmegQ") == "t:0aY0xL2Fi1OFJg4YxpmegQ")
        #expect(TumblrParts.blogIdentifier("https://www.tumblr.com/blog/view/staff") == "staff")
        #expect(TumblrParts.blogIdentifier("https://www.tumblr.com/blog/staff") == "staff")
        #expect(TumblrParts.blogIdentifier("https://www.tumblr.com/blog") == "blog")
        #expect(TumblrParts.blogIdentifier("my blog") == nil)
        #expect(TumblrParts.blogIdentifier("a/b") == nil)
        #expect(TumblrParts.postURL(blog: "staff", id: "123")?.absoluteString == "https://staff.tumblr.com/post/123")
        #expect(TumblrParts.postURL(blog: "www.davidslog.com", id: "123")?.absoluteString == "https://www.davidslog.com/post/123")
        #expect(TumblrParts.postURL(blog: "t:0aY0xL2Fi1OFJg4YxpmegQ", id: "123") == nil)
    }

    @Test("a UUID blog is sent in the path as the official clients send it, its colon unencoded")
    func uuidEndpoint() throws {
        var uuid = settings
        uuid.values["BLOG"] = "t:0aY0xL2Fi1OFJg4YxpmegQ"
        let client = try TumblrClient(settings: uuid, environment: DryRunHarness.environment(DryRunTransport()))
        #expect(client.endpoint.absoluteString == "https://api.tumblr.com/v2/blog/t:0aY0xL2Fi1OFJg4YxpmegQ/posts")
    }

    @Test("missing settings are named together; a bad BLOG is a configuration error")
    func settingsErrors() throws {
        do {
            _ = try TumblrClient(settings: AccountSettings(network: .tumblr, values: [:]), environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            for name in ["BLOG", "CONSUMER_KEY", "CONSUMER_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"] {
                #expect(error.description.contains("SYNDICATE_TUMBLR_\(name)"), "\(name)")
            }
        }
        var bad = settings
        bad.values["BLOG"] = "not a blog"
        do {
            _ = try TumblrClient(settings: bad, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.category == .invalidConfiguration)
            #expect(error.fix.contains("SYNDICATE_TUMBLR_BLOG"))
        }
    }

    @Test("BLOG and API_BASE are not secrets; the four OAuth values are")
    func secrets() throws {
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport()))
        #expect(Set(client.secrets) == Set(Self.rawSecrets))
        #expect(NetworkRegistry.builtIn.secrets(of: settings).contains("school-news") == false)
    }

    func failure(_ response: HTTPResponse) async throws -> DeliveryError {
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport { _ in response }))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
        } catch {
            for secret in Self.rawSecrets { #expect(!error.description.contains(secret), "\(secret) leaked") }
            return error
        }
        Issue.record("expected an error for HTTP \(response.status)")
        return DeliveryError(.unexpectedResponse, network: .tumblr, account: "school", message: "none")
    }

    func json(_ status: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    @Test("401 is unauthorized with Tumblr's detail and code, secrets redacted, the fix naming the tokens")
    func unauthorized() async throws {
        let error = try await failure(
            json(401, #"{"meta":{"status":401,"msg":"Unauthorized"},"response":[],"errors":[{"title":"Unauthorized","code":1016,"detail":"Unable to authorize tb-access-token-3"}]}"#))
        #expect(error.category == .unauthorized)
        #expect(error.networkMessage == "Unable to authorize REDACTED (code 1016)")
        #expect(error.fix.contains("SYNDICATE_TUMBLR_ACCESS_TOKEN_SECRET"))
    }

    @Test("400 is an invalid payload with the error's title")
    func badRequest() async throws {
        let error = try await failure(
            json(400, #"{"meta":{"msg":"Bad Request","status":400},"errors":[{"title":"'content' must be an array'","code":8001}]}"#))
        #expect(error.category == .invalidPayload)
        #expect(error.networkMessage == "'content' must be an array' (code 8001)")
        #expect(error.mayHaveReachedNetwork == false)
    }

    @Test("403 code 8023 is the daily posting limit: rate limited for a day; another 403 is forbidden")
    func forbidden() async throws {
        let limit = try await failure(
            json(403, #"{"meta":{"status":403,"msg":"Forbidden"},"response":[],"errors":[{"title":"Forbidden","code":8023}]}"#))
        #expect(limit.category == .rateLimited)
        #expect(limit.retryAfter == DryRunHarness.now.addingTimeInterval(86_400))
        #expect(limit.mayHaveReachedNetwork == false)
        let queue = try await failure(
            json(403, #"{"meta":{"status":403,"msg":"Forbidden"},"response":[],"errors":[{"title":"Forbidden","code":8022}]}"#))
        #expect(queue.category == .forbidden)
    }

    @Test("404 is a configuration error naming BLOG; 429 rate limited; 503 a server error that may have posted")
    func otherStatuses() async throws {
        let missing = try await failure(
            json(404, #"{"meta":{"status":404,"msg":"Not Found"},"response":[],"errors":[{"title":"Not Found","code":0}]}"#))
        #expect(missing.category == .invalidConfiguration)
        #expect(missing.message.contains("SYNDICATE_TUMBLR_BLOG"))
        #expect(missing.mayHaveReachedNetwork == false)
        let limited = try await failure(json(429, #"{"meta":{"status":429,"msg":"Limit Exceeded"},"response":[]}"#))
        #expect(limited.category == .rateLimited)
        #expect(limited.networkMessage == "Limit Exceeded")
        let down = try await failure(HTTPResponse(status: 503, body: Data("<h1>down</h1>".utf8)))
        #expect(down.category == .serverError)
        #expect(down.mayHaveReachedNetwork == true)
    }

    @Test("a 201 without the post's id is an unexpected answer that may have posted")
    func createdWithoutID() async throws {
        let error = try await failure(json(201, #"{"meta":{"status":201,"msg":"Created"},"response":{}}"#))
        #expect(error.category == .unexpectedResponse)
        #expect(error.mayHaveReachedNetwork == true)
    }

    @Test("a paragraph longer than a text block is refused before anything is sent")
    func longParagraph() async throws {
        let transport = DryRunTransport()
        let client = try TumblrClient(settings: settings, environment: DryRunHarness.environment(transport))
        var (post, payload) = try payload()
        payload.text = String(repeating: "a", count: 4097)
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected an invalid payload")
        } catch {
            #expect(error.category == .invalidPayload)
        }
        #expect(await transport.requests.isEmpty)
    }

    @Test("the share intent is Tumblr's share tool for a link post")
    func shareIntent() throws {
        let context = ShareIntentContext(link: "https://school.example/a?b=1", headline: "Ofsted & us", hashtags: ["Ofsted", "Schools"], instance: nil)
        let intent = NetworkRegistry.builtIn.definition(for: .tumblr)?.shareIntent(context)
        #expect(
            intent
                == .url(
                    "https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=https%3A%2F%2Fschool.example%2Fa%3Fb%3D1&content=https%3A%2F%2Fschool.example%2Fa%3Fb%3D1&title=Ofsted%20%26%20us&tags=Ofsted%2CSchools"
                ))
    }
}
