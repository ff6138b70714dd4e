import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("TumblrClient: retract and edit")
struct TumblrRevisionTests {
    let settings = AccountSettings(
        network: .tumblr, account: "school",
        values: [
            "BLOG": "school-news", "CONSUMER_KEY": "tb-consumer-key-1", "CONSUMER_SECRET": "tb-consumer-secret-2",
            "ACCESS_TOKEN": "tb-access-token-3", "ACCESS_TOKEN_SECRET": "tb-token-secret-4",
        ])
    static let copy = PostedCopy(
        network: .tumblr, account: "school", remoteID: "7190000000000000001",
        url: URL(string: "https://school-news.tumblr.com/post/7190000000000000001"))
    static let signer = OAuth1Signer(
        credentials: .init(
            consumerKey: "tb-consumer-key-1", consumerSecret: "tb-consumer-secret-2", token: "tb-access-token-3",
            tokenSecret: "tb-token-secret-4"))

    func client(_ transport: DryRunTransport) throws(DeliveryError) -> TumblrClient {
        try TumblrClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        return (post, try Composer().payload(for: post, on: .tumblr))
    }

    static func response(_ status: Int, _ msg: String) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "application/json"],
            body: Data(#"{"meta":{"status":\#(status),"msg":"\#(msg)"},"response":[],"errors":[{"title":"\#(msg)","code":0}]}"#.utf8))
    }

    @Test("retract is a signed form POST of id to /v2/blog/{blog}/post/delete; the id is part of the signature")
    func deleteShape() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(Self.copy)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.tumblr.com/v2/blog/school-news/post/delete")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["User-Agent"] == TumblrClient.userAgent)
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self) == "id=7190000000000000001")
        let header = try #require(request.headers["Authorization"])
        var unsigned = request
        unsigned.headers["Authorization"] = nil
        #expect(Self.signer.authorization(for: unsigned, nonce: DryRunHarness.nonce, timestamp: DryRunHarness.now) == header)
        // Another id signs differently: the form body is signed.
        unsigned.body = Data("id=1".utf8)
        #expect(Self.signer.authorization(for: unsigned, nonce: DryRunHarness.nonce, timestamp: DryRunHarness.now) != header)
    }

    @Test("a post already gone (404) counts as deleted")
    func alreadyGone() async throws {
        let transport = DryRunTransport { _ in Self.response(404, "Not Found") }
        try await client(transport).retract(Self.copy)
        #expect(await transport.requests.count == 1)
    }

    @Test("a refused signature and a 429 are errors")
    func refusals() async throws {
        for (status, msg, category) in [(401, "Unauthorized", DeliveryError.Category.unauthorized), (429, "Limit Exceeded", .rateLimited)] {
            do throws(DeliveryError) {
                try await client(DryRunTransport { _ in Self.response(status, msg) }).retract(Self.copy)
                Issue.record("expected \(category)")
            } catch {
                #expect(error.category == category)
                #expect(!error.description.contains("tb-token-secret-4"))
            }
        }
    }

    @Test("edit is a signed PUT of the whole NPF body (images again by URL) to /v2/blog/{blog}/posts/{id}")
    func editShape() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try payload()
        let delivery = try await client(transport).edit(Self.copy, to: payload, of: post)
        #expect(delivery.remoteID == Self.copy.remoteID)
        #expect(delivery.url == Self.copy.url)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .put)
        #expect(request.url.absoluteString == "https://api.tumblr.com/v2/blog/school-news/posts/7190000000000000001")
        #expect(request.headers["Content-Type"] == "application/json")
        // The same body as a new post of the same payload.
        let create = DryRunTransport()
        _ = try await client(create).deliver(payload, of: post)
        let created = try #require(await create.requests.first)
        #expect(request.body == created.body)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let blocks = try #require(body["content"] as? [[String: Any]])
        #expect(blocks.contains { $0["type"] as? String == "image" } == !payload.images.isEmpty)
        var unsigned = request
        unsigned.headers["Authorization"] = nil
        #expect(
            Self.signer.authorization(for: unsigned, nonce: DryRunHarness.nonce, timestamp: DryRunHarness.now)
                == request.headers["Authorization"])
    }

    @Test("an edit of a post that is gone says so (not 'no such blog') and advises a repost")
    func editOfDeleted() async throws {
        let (post, payload) = try payload()
        do throws(DeliveryError) {
            _ = try await client(DryRunTransport { _ in Self.response(404, "Not Found") }).edit(Self.copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "post 7190000000000000001 is no longer on the blog")
            #expect(error.category == .invalidPayload)
            #expect(error.fix.hasSuffix(RevisionSupport.repostAdvice + "."))
        }
    }

    @Test("a copy of several parts cannot be edited, and nothing is sent")
    func partCount() async throws {
        let (post, payload) = try payload()
        let transport = DryRunTransport()
        var copy = Self.copy
        copy.partIDs = ["1", "2"]
        do throws(DeliveryError) {
            _ = try await client(transport).edit(copy, to: payload, of: post)
            Issue.record("expected .unsupported")
        } catch {
            #expect(error.category == .unsupported)
        }
        #expect(await transport.requests.isEmpty)
    }
}
