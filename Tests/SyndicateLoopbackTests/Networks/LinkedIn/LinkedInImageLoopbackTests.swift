import Crypto
import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import SyndicateURLSession
import Testing

extension ClientsOverLoopback {
    /// ``LinkedInClient`` uploads images through the Images API over real HTTP; the server checks
    /// that the post names images its author registered and uploaded.
    @Suite("LinkedInClient over loopback: images")
    struct LinkedInImageLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The two-image example, its payload, and the hex SHA-256 of each image file.
        static func sportsDay() throws -> (Post, SharePayload, [String]) {
            let post = try DryRunHarness.examplePost("sports-day.md")
            let payload = try Composer().payload(for: post, on: .linkedin)
            let digests = try post.images.map { image in
                SHA256.hash(data: try Data(contentsOf: image.url)).map { String(format: "%02x", $0) }.joined()
            }
            return (post, payload, digests)
        }

        /// Checks that the one post on `server` carries both images, in order, with their alt texts.
        static func expectBothImages(on server: LoopbackServer, post: Post, digests: [String]) {
            let posted = server.posts(on: .linkedin)
            #expect(posted.count == 1)
            let media = posted.first?.media ?? []
            #expect(media.map(\.sha256) == digests)
            #expect(media.map(\.contentType) == ["image/jpeg", "image/png"])
            #expect(media.map(\.alt) == post.images.map(\.alt))
            #expect(media.allSatisfy { $0.id.hasPrefix("urn:li:image:") })
        }

        @Test("the two-image post ends on LinkedIn as a multiImage with both images and alt texts", arguments: TransportKind.allCases)
        func twoImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                let delivery = try await LinkedInLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(delivery.mediaIDs == server.posts(on: .linkedin).first?.media.map(\.id))
                let initialized = server.requests(to: .linkedInImages)
                #expect(initialized.count == 2)
                #expect(initialized.allSatisfy { $0.query == "action=initializeUpload" && $0.headers["LinkedIn-Version"] == LinkedInClient.defaultAPIVersion })
                let uploads = server.requests(to: .linkedInImageUpload)
                #expect(uploads.map(\.method) == ["PUT", "PUT"])
                #expect(uploads.allSatisfy { $0.headers["Authorization"] == "Bearer \(LoopbackServer.token)" })
                let content = Harness.json(server.requests(to: .linkedInPosts).first)["content"] as? [String: Any]
                #expect(content?["article"] == nil)
                #expect(((content?["multiImage"] as? [String: Any])?["images"] as? [Any])?.count == 2)
            }
        }

        @Test("a 500 on an upload is retried: both images are attached once", arguments: TransportKind.allCases)
        func serverErrorOnUpload(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                server.script(.status(500), for: .linkedInImageUpload)
                let client = try LinkedInLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error == nil)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(server.requests(to: .linkedInImageUpload).count == 3)   // the refused one, then each image once
            }
        }

        @Test("a 500 on the post after the uploads: LinkedIn refuses the repeat, and no image is uploaded twice", arguments: TransportKind.allCases)
        func serverErrorOnPost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                server.script(.afterHandling(.status(500)), for: .linkedInPosts)
                let client = try LinkedInLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error == nil)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(server.requests(to: .linkedInImages).count == 2)
                #expect(server.requests(to: .linkedInImageUpload).count == 2)
            }
        }

        /// Sends a Rest.li call (or a PUT of bytes) with the loopback token; returns the status and JSON answer.
        static func call(_ method: HTTPRequest.Method, _ url: URL, json: Any? = nil, bytes: Data? = nil) async throws -> (Int, [String: Any]) {
            var headers: HTTPHeaders = [
                "Authorization": "Bearer \(LoopbackServer.token)", "LinkedIn-Version": LinkedInClient.defaultAPIVersion,
                "X-Restli-Protocol-Version": "2.0.0",
            ]
            headers["Content-Type"] = json == nil ? "application/octet-stream" : "application/json"
            let body = try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? bytes
            let response = try await URLSessionTransport().send(HTTPRequest(method: method, url: url, headers: headers, body: body))
            return (response.status, (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:])
        }

        /// Registers an image for `owner`; returns its upload URL and URN.
        static func initialize(_ server: LoopbackServer, owner: String) async throws -> (URL, String) {
            var components = URLComponents(url: server.baseURL.appendingPathComponent("rest/images"), resolvingAgainstBaseURL: false)
            components?.queryItems = [URLQueryItem(name: "action", value: "initializeUpload")]
            let (status, answer) = try await call(.post, try #require(components?.url), json: ["initializeUploadRequest": ["owner": owner]])
            #expect(status == 200)
            let value = try #require(answer["value"] as? [String: Any])
            #expect(value["uploadUrlExpiresAt"] is Int)
            return (try #require((value["uploadUrl"] as? String).flatMap(URL.init(string:))), try #require(value["image"] as? String))
        }

        /// A post by `author` with one image.
        static func post(_ server: LoopbackServer, author: String, image: String) async throws -> (Int, [String: Any]) {
            try await call(.post, server.baseURL.appendingPathComponent("rest/posts"), json: [
                "author": author, "commentary": "Sports day \(image)", "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
                "distribution": ["feedDistribution": "MAIN_FEED"], "content": ["media": ["id": image, "altText": "Relay"]],
            ])
        }

        @Test("the upload URL is this server's; a post may only name images its author registered and uploaded, of a supported type")
        func checks() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (uploadURL, urn) = try await Self.initialize(server, owner: LinkedInLoopback.author)
                #expect(uploadURL.host == "127.0.0.1")
                #expect(uploadURL.port == server.baseURL.port)

                let (early, earlyAnswer) = try await Self.post(server, author: LinkedInLoopback.author, image: urn)
                #expect(early == 422)
                #expect((earlyAnswer["message"] as? String)?.contains("has not been uploaded") == true)

                let (badType, badAnswer) = try await Self.call(.put, uploadURL, bytes: Data("GIF? no, text".utf8))
                #expect(badType == 400)
                #expect(badAnswer["status"] as? Int == 400)
                #expect(badAnswer["message"] is String)

                let jpeg = try Data(contentsOf: Fixtures.example("images/sports-day-relay.jpg"))
                let (uploaded, _) = try await Self.call(.put, uploadURL, bytes: jpeg)
                #expect(uploaded == 201)

                let (otherAuthor, otherAnswer) = try await Self.post(server, author: "urn:li:person:someone", image: urn)
                #expect(otherAuthor == 422)
                #expect((otherAnswer["message"] as? String)?.contains("is not an image owned by urn:li:person:someone") == true)
                let (unknown, _) = try await Self.post(server, author: LinkedInLoopback.author, image: "urn:li:image:D4E10AQUnknown")
                #expect(unknown == 422)
                #expect(server.posts(on: .linkedin).isEmpty)

                let (ok, _) = try await Self.post(server, author: LinkedInLoopback.author, image: urn)
                #expect(ok == 201)
                #expect(server.posts(on: .linkedin).first?.media.map(\.id) == [urn])
                #expect(server.posts(on: .linkedin).first?.media.first?.alt == "Relay")
                #expect(server.posts(on: .linkedin).first?.media.first?.byteCount == jpeg.count)
            }
        }
    }
}
