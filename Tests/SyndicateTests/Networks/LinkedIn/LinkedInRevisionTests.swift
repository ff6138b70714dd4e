import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("LinkedInClient: retract and edit")
struct LinkedInRevisionTests {
    let settings = AccountSettings(
        network: .linkedin, account: "school",
        values: ["ACCESS_TOKEN": "li-access-token-58af", "AUTHOR": "urn:li:organization:2414183"])
    static let urn = "urn:li:share:7295588489876647936"
    static let copy = PostedCopy(
        network: .linkedin, account: "school", remoteID: urn, url: URL(string: "https://www.linkedin.com/feed/update/\(urn)"),
        mediaIDs: ["urn:li:image:D4E10AQ1"])

    func client(_ transport: DryRunTransport) throws(DeliveryError) -> LinkedInClient {
        try LinkedInClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    func payload() throws -> (Post, SharePayload) {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return (post, try Composer().payload(for: post, on: .linkedin))
    }

    static func response(_ status: Int, _ body: String = "") -> HTTPResponse {
        HTTPResponse(status: status, headers: body.isEmpty ? [:] : ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    @Test("retract is DELETE /rest/posts/{encoded URN} with X-RestLi-Method: DELETE and the Rest.li headers")
    func deleteShape() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(Self.copy)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .delete)
        #expect(request.url.absoluteString == "https://api.linkedin.com/rest/posts/urn%3Ali%3Ashare%3A7295588489876647936")
        #expect(request.headers["X-RestLi-Method"] == "DELETE")
        #expect(request.headers["Authorization"] == "Bearer li-access-token-58af")
        #expect(request.headers["LinkedIn-Version"] == LinkedInClient.defaultAPIVersion)
        #expect(request.headers["X-Restli-Protocol-Version"] == "2.0.0")
        #expect(request.body == nil)
    }

    @Test("a post already gone (204 again, 404 or 410) counts as deleted", arguments: [204, 404, 410])
    func alreadyGone(status: Int) async throws {
        let transport = DryRunTransport { _ in Self.response(status) }
        try await client(transport).retract(Self.copy)
        #expect(await transport.requests.count == 1)
    }

    @Test("a refused token and a missing permission are errors, with LinkedIn's message and no secret")
    func refusals() async throws {
        let cases: [(Int, String, DeliveryError.Category)] = [
            (401, #"{"status":401,"code":"INVALID_ACCESS_TOKEN","message":"Invalid access token"}"#, .unauthorized),
            (403, #"{"status":403,"code":"ACCESS_DENIED","message":"Not enough permissions"}"#, .forbidden),
        ]
        for (status, body, category) in cases {
            do throws(DeliveryError) {
                try await client(DryRunTransport { _ in Self.response(status, body) }).retract(Self.copy)
                Issue.record("expected \(category)")
            } catch {
                #expect(error.category == category)
                #expect(!error.description.contains("li-access-token-58af"))
            }
        }
    }

    @Test("edit is a PARTIAL_UPDATE setting only the commentary, escaped as for a new post; images and card stay")
    func editShape() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try payload()
        let delivery = try await client(transport).edit(Self.copy, to: payload, of: post)
        #expect(delivery.remoteID == Self.urn)
        #expect(delivery.url == Self.copy.url)
        #expect(delivery.mediaIDs == Self.copy.mediaIDs)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.linkedin.com/rest/posts/urn%3Ali%3Ashare%3A7295588489876647936")
        #expect(request.headers["X-RestLi-Method"] == "PARTIAL_UPDATE")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["X-Restli-Protocol-Version"] == "2.0.0")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let commentary = try #require(payload.commentary)
        #expect((body as NSDictionary).isEqual(to: ["patch": ["$set": ["commentary": commentary]]]))
        // The commentary is the composed, little-text-escaped one (the example has parentheses or a hashtag).
        #expect(commentary != payload.text)
    }

    @Test("an edit of a post that is gone says so and advises a repost", arguments: [404, 410])
    func editOfDeleted(status: Int) async throws {
        let (post, payload) = try payload()
        do throws(DeliveryError) {
            _ = try await client(DryRunTransport { _ in Self.response(status, #"{"status":\#(status),"message":"Not Found"}"#) })
                .edit(Self.copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "post \(Self.urn) is no longer on LinkedIn")
            #expect(error.fix.hasSuffix(RevisionSupport.repostAdvice + "."))
        }
    }

    @Test("a copy of several parts cannot be edited, and nothing is sent")
    func partCount() async throws {
        let (post, payload) = try payload()
        let transport = DryRunTransport()
        var copy = Self.copy
        copy.partIDs = [Self.urn, "urn:li:share:2"]
        do throws(DeliveryError) {
            _ = try await client(transport).edit(copy, to: payload, of: post)
            Issue.record("expected .unsupported")
        } catch {
            #expect(error.category == .unsupported)
        }
        #expect(await transport.requests.isEmpty)
    }
}
