import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("FacebookClient: retract and edit")
struct FacebookRevisionTests {
    let settings = AccountSettings(
        network: .facebook, account: "school",
        values: ["PAGE_ID": "123456789", "PAGE_TOKEN": "fb-page-token-93c2", "APP_SECRET": "fb-app-secret-7d41"])
    static let proof = "0f1e7844624a2af90e2da84c2ba5a1b416d9c00fef9bb220c9b5654ac5dfed2c"

    func payload() throws -> (Post, SharePayload) {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return (post, try Composer().payload(for: post, on: .facebook))
    }

    func client(_ transport: DryRunTransport) throws(DeliveryError) -> FacebookClient {
        try FacebookClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    /// Graph's answer for an object that is not there (code 100, subcode 33).
    static let missing = HTTPResponse(
        status: 400, headers: ["Content-Type": "application/json"],
        body: Data(
            #"{"error":{"message":"Unsupported delete request. Object with ID '123456789_7' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A1"}}"#
                .utf8))

    @Test("retract is DELETE /{version}/{post-id} with the page token and appsecret_proof as query parameters")
    func deleteShape() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(PostedCopy(network: .facebook, account: "school", remoteID: "123456789_7"))
        let requests = await transport.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .delete)
        #expect(request.url.absoluteString == "https://graph.facebook.com/v21.0/123456789_7?access_token=fb-page-token-93c2&appsecret_proof=\(Self.proof)")
        #expect(request.body == nil)
    }

    @Test("a post already gone (code 100, subcode 33) counts as deleted")
    func alreadyGone() async throws {
        let transport = DryRunTransport { _ in Self.missing }
        try await client(transport).retract(PostedCopy(network: .facebook, account: "school", remoteID: "123456789_7"))
        #expect(await transport.requests.count == 1)
    }

    @Test("other refusals are errors by Graph code: an expired token, a missing permission")
    func refusals() async throws {
        let cases: [(String, DeliveryError.Category)] = [
            (#"{"error":{"message":"Error validating access token","type":"OAuthException","code":190}}"#, .unauthorized),
            (#"{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200}}"#, .forbidden),
        ]
        for (body, category) in cases {
            let response = HTTPResponse(status: 400, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
            do throws(DeliveryError) {
                try await client(DryRunTransport { _ in response })
                    .retract(PostedCopy(network: .facebook, account: "school", remoteID: "123456789_7"))
                Issue.record("expected \(category)")
            } catch {
                #expect(error.category == category)
                #expect(!error.description.contains("fb-page-token-93c2"))
            }
        }
    }

    @Test("edit posts the new message (with the link when the post has photos) to /{version}/{post-id}; the photos stay")
    func editShape() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try payload()
        let copy = PostedCopy(
            network: .facebook, account: "school", remoteID: "123456789_7", url: URL(string: "https://www.facebook.com/123456789_7"),
            mediaIDs: ["900000000001"])
        let delivery = try await client(transport).edit(copy, to: payload, of: post)
        #expect(delivery.remoteID == "123456789_7")
        #expect(delivery.url == copy.url)
        #expect(delivery.mediaIDs == ["900000000001"])
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://graph.facebook.com/v21.0/123456789_7")
        let fields = PercentEncoding.decodeQuery(String(decoding: request.body ?? Data(), as: UTF8.self))
        #expect(fields.map(\.name) == ["message", "access_token", "appsecret_proof"])
        let link = try #require(payload.link?.absoluteString)
        #expect(fields[0].value == (payload.message ?? payload.text) + "\n\n" + link)

        // Without photos the message is the payload's alone (the link card stays).
        let plain = DryRunTransport()
        _ = try await client(plain).edit(PostedCopy(network: .facebook, account: "school", remoteID: "123456789_7"), to: payload, of: post)
        let body = String(decoding: try #require(await plain.requests.first?.body), as: UTF8.self)
        #expect(PercentEncoding.decodeQuery(body).first?.value == payload.message ?? payload.text)
    }

    @Test("an edit of a post that is gone says so and advises a repost")
    func editOfDeleted() async throws {
        let (post, payload) = try payload()
        do throws(DeliveryError) {
            _ = try await client(DryRunTransport { _ in Self.missing })
                .edit(PostedCopy(network: .facebook, account: "school", remoteID: "123456789_7"), to: payload, of: post)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "post 123456789_7 is no longer on the Page")
            #expect(error.fix.hasSuffix(RevisionSupport.repostAdvice + "."))
        }
    }

    @Test("a copy of several parts cannot be edited into one")
    func partCount() async throws {
        let (post, payload) = try payload()
        let transport = DryRunTransport()
        let copy = PostedCopy(network: .facebook, account: "school", remoteID: "123456789_1", partIDs: ["123456789_1", "123456789_2"])
        do throws(DeliveryError) {
            _ = try await client(transport).edit(copy, to: payload, of: post)
            Issue.record("expected .unsupported")
        } catch {
            #expect(error.category == .unsupported)
            #expect(error.fix == RevisionSupport.repostAdvice + ".")
        }
        #expect(await transport.requests.isEmpty)
    }

    @Test("parts are deleted last first")
    func order() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(
            PostedCopy(network: .facebook, account: "school", remoteID: "123456789_1", partIDs: ["123456789_1", "123456789_2"]))
        #expect(await transport.requests.map(\.url.path) == ["/v21.0/123456789_2", "/v21.0/123456789_1"])
    }

    @Test("a post of another Page is refused before anything is sent: Graph would answer it as gone")
    func anotherPage() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try payload()
        let copy = PostedCopy(network: .facebook, account: "school", remoteID: "987_1")
        for attempt in 0..<2 {
            do throws(DeliveryError) {
                if attempt == 0 { try await client(transport).retract(copy) } else { _ = try await client(transport).edit(copy, to: payload, of: post) }
                Issue.record("expected a refusal")
            } catch {
                #expect(error.category == .invalidConfiguration)
                #expect(error.message.contains("Page 987"))
            }
        }
        #expect(await transport.requests.isEmpty)
    }
}
