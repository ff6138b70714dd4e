import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import SyndicateURLSession
import Testing

extension ClientsOverLoopback {
    /// The loopback PDS checks a record's blobs as the PDS does: uploaded by the same DID, within
    /// the lexicon's size, referenced with the stored (sniffed) type and size, with `alt`.
    @Suite("Bluesky loopback PDS: blob checks")
    struct BlueskyBlobCheckLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// Sends `body` to `nsid` with `token` and `contentType`; returns the status and the JSON answer.
        static func call(
            _ server: LoopbackServer, _ nsid: String, token: String? = nil, contentType: String = "application/json", body: Data
        ) async throws -> (Int, [String: Any]) {
            var headers: HTTPHeaders = ["Content-Type": contentType]
            if let token { headers["Authorization"] = "Bearer \(token)" }
            let request = HTTPRequest(method: .post, url: server.baseURL.appendingPathComponent("xrpc/\(nsid)"), headers: headers, body: body)
            let response = try await URLSessionTransport().send(request)
            return (response.status, (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:])
        }

        /// Signs in as `handle` and returns the access token and DID.
        static func session(_ server: LoopbackServer, handle: String) async throws -> (token: String, did: String) {
            let body = try JSONSerialization.data(withJSONObject: ["identifier": handle, "password": LoopbackServer.blueskyPassword])
            let (_, answer) = try await call(server, "com.atproto.server.createSession", body: body)
            return (try #require(answer["accessJwt"] as? String), try #require(answer["did"] as? String))
        }

        /// Creates a post embedding `images` (each `{image, alt}`) as `did`.
        static func post(_ server: LoopbackServer, token: String, did: String, images: [[String: Any]]) async throws -> (Int, [String: Any]) {
            let record: [String: Any] = [
                "$type": "app.bsky.feed.post", "text": "Sports day", "createdAt": "2026-01-01T00:00:00.000Z",
                "embed": ["$type": "app.bsky.embed.images", "images": images],
            ]
            let body = try JSONSerialization.data(withJSONObject: ["repo": did, "collection": "app.bsky.feed.post", "record": record])
            return try await call(server, "com.atproto.repo.createRecord", token: token, body: body)
        }

        @Test("the stored type is sniffed from the bytes; references must repeat it and the size, and carry alt")
        func references() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (token, did) = try await Self.session(server, handle: "school.example")
                let jpeg = try Data(contentsOf: Fixtures.example("images/sports-day-relay.jpg"))
                // Declared as PNG, stored as what the bytes are.
                let (status, uploaded) = try await Self.call(
                    server, "com.atproto.repo.uploadBlob", token: token, contentType: "image/png", body: jpeg)
                #expect(status == 200)
                let blob = try #require(uploaded["blob"] as? [String: Any])
                #expect(blob["mimeType"] as? String == "image/jpeg")
                #expect(blob["size"] as? Int == jpeg.count)
                let cid = try #require((blob["ref"] as? [String: Any])?["$link"] as? String)
                #expect(cid.hasPrefix("bafkrei"))

                var wrongType = blob
                wrongType["mimeType"] = "image/png"
                let (typeStatus, typeAnswer) = try await Self.post(server, token: token, did: did, images: [["image": wrongType, "alt": ""]])
                #expect(typeStatus == 400)
                #expect(typeAnswer["error"] as? String == "InvalidMimeType")
                #expect(typeAnswer["message"] as? String == "Referenced Mimetype does not match stored blob. Expected: image/jpeg, Got: image/png")

                var wrongSize = blob
                wrongSize["size"] = jpeg.count + 1
                let (sizeStatus, sizeAnswer) = try await Self.post(server, token: token, did: did, images: [["image": wrongSize, "alt": ""]])
                #expect(sizeStatus == 400)
                #expect(sizeAnswer["error"] as? String == "InvalidSize")

                let (altStatus, altAnswer) = try await Self.post(server, token: token, did: did, images: [["image": blob]])
                #expect(altStatus == 400)
                #expect((altAnswer["message"] as? String)?.contains("must have the property \"alt\"") == true)

                let (otherToken, otherDID) = try await Self.session(server, handle: "other.example")
                let (otherStatus, otherAnswer) = try await Self.post(server, token: otherToken, did: otherDID, images: [["image": blob, "alt": ""]])
                #expect(otherStatus == 400)
                #expect(otherAnswer["error"] as? String == "BlobNotFound")

                #expect(server.posts(on: .bluesky).isEmpty)
                let (okStatus, _) = try await Self.post(server, token: token, did: did, images: [["image": blob, "alt": ""]])
                #expect(okStatus == 200)
                #expect(server.posts(on: .bluesky).first?.media.map(\.id) == [cid])
                #expect(server.posts(on: .bluesky).first?.media.first?.alt == "")
            }
        }

        @Test("a blob over 1,000,000 bytes is BlobTooLarge, one that is no image is refused, in the PDS's words")
        func limits() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (token, did) = try await Self.session(server, handle: "school.example")
                var large = Data([0xFF, 0xD8, 0xFF, 0xE0])
                large.append(Data(repeating: 0, count: 1_199_996))
                let (_, uploaded) = try await Self.call(server, "com.atproto.repo.uploadBlob", token: token, contentType: "image/jpeg", body: large)
                let blob = try #require(uploaded["blob"] as? [String: Any])
                let (status, answer) = try await Self.post(server, token: token, did: did, images: [["image": blob, "alt": "Big"]])
                #expect(status == 400)
                #expect(answer["error"] as? String == "BlobTooLarge")
                #expect(answer["message"] as? String == "This file is too large. It is 1.14MB but the maximum size is 976.56KB.")

                let (_, text) = try await Self.call(
                    server, "com.atproto.repo.uploadBlob", token: token, contentType: "text/plain", body: Data("not an image".utf8))
                let textBlob = try #require(text["blob"] as? [String: Any])
                let (textStatus, textAnswer) = try await Self.post(server, token: token, did: did, images: [["image": textBlob, "alt": ""]])
                #expect(textStatus == 400)
                #expect(textAnswer["message"] as? String == "Wrong type of file. It is text/plain but it must match image/*.")
                #expect(server.posts(on: .bluesky).isEmpty)
            }
        }
    }
}
