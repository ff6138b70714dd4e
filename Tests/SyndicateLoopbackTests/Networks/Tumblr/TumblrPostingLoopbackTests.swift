import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``TumblrClient`` posts over real HTTP, and the server verifies the signature and the NPF
    /// body it received. The refused signature, the 429 and the unretried 500 are in
    /// ``ErrorAnswerLoopbackTests``.
    @Suite("TumblrClient over loopback: posting")
    struct TumblrPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an NPF post passes the server's OAuth 1.0a check and is recorded as sent", arguments: TransportKind.allCases)
        func postsSignedNPF(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .tumblr)
                let delivery = try await TumblrLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                let posted = server.posts(on: .tumblr)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                #expect(posted.first?.text == payload.text)
                #expect(posted.first?.author == TumblrLoopback.blog)
                #expect(delivery.url?.absoluteString == "https://school-news.tumblr.com/post/\(delivery.remoteID)")
                let request = try #require(server.requests(to: .tumblrPosts).first)
                #expect(request.path == "/v2/blog/school-news/posts")
                #expect(request.headers["Authorization"]?.hasPrefix("OAuth oauth_consumer_key=\"loopback-consumer-key\"") == true)
                #expect(request.headers["User-Agent"] == TumblrClient.userAgent)
                #expect(request.headers["Content-Type"] == "application/json")
                let link = try #require(payload.link)
                let block = try #require(payload.linkBlock)
                let expected: [String: Any] = [
                    "content": [
                        ["type": "text", "text": payload.text],
                        ["type": "link", "url": link.absoluteString, "title": block.title, "description": block.description],
                    ],
                    "state": "published", "tags": payload.hashtags.joined(separator: ","), "source_url": link.absoluteString,
                ]
                #expect(Harness.same(Harness.json(request) as NSDictionary, expected as NSDictionary))
            }
        }

        @Test("a blog named by its hostname is posted to by that name, and the post's URL is on that host", arguments: TransportKind.allCases)
        func hostnameBlog(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .tumblr)
                let client = try TumblrLoopback.client(server, Harness.environment(kind), blog: "news.school.example")
                let delivery = try await client.deliver(payload, of: post)
                #expect(server.posts(on: .tumblr).map(\.author) == ["news.school.example"])
                #expect(delivery.url?.absoluteString == "https://news.school.example/post/\(delivery.remoteID)")
            }
        }

        @Test("the daily posting limit (403 code 8023) is rate limited until tomorrow, and not retried", arguments: TransportKind.allCases)
        func dailyLimit(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(403), for: .tumblrPosts)
                let (post, payload) = try Harness.payload(for: .tumblr)
                let result = await Harness.crossPost(
                    post, payload: payload, through: try TumblrLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .rateLimited)
                #expect(result.error?.status == 403)
                #expect(result.error?.mayHaveReachedNetwork == false)
                #expect(result.error?.retryAfter == Harness.now.addingTimeInterval(24 * 3600))
                #expect(result.error?.networkMessage == "You have reached your daily post limit. (code 8023)")
                #expect(result.attempts == 1)
                #expect(server.requests(to: .tumblrPosts).count == 1)
                #expect(server.posts(on: .tumblr).isEmpty)
            }
        }

        @Test("an unknown blog (404) is a configuration error naming BLOG, not retried", arguments: TransportKind.allCases)
        func unknownBlog(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(404), for: .tumblrPosts)
                let (post, payload) = try Harness.payload(for: .tumblr)
                let result = await Harness.crossPost(
                    post, payload: payload, through: try TumblrLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .invalidConfiguration)
                #expect(result.error?.status == 404)
                #expect(result.error?.fix.contains("SYNDICATE_TUMBLR_BLOG") == true)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .tumblr).isEmpty)
            }
        }

        @Test("public images go as NPF image blocks before the text: the post has each URL with its alt text, once", arguments: TransportKind.allCases)
        func images(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .tumblr)
                let delivery = try await TumblrLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .tumblr).map(\.media) == [PublishedImages.media()])
                #expect(delivery.warnings.isEmpty)
                let content = Harness.json(server.requests(to: .tumblrPosts).first)["content"] as? [[String: Any]] ?? []
                #expect(content.prefix(2).allSatisfy { $0["type"] as? String == "image" })
            }
        }

        @Test("a 500 after the post was made is not retried: the images are there once", arguments: TransportKind.allCases)
        func serverErrorAfterPosting(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .tumblr)
                server.script(.afterHandling(.status(500)), for: .tumblrPosts)
                let client = try TumblrLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .tumblr).map(\.media) == [PublishedImages.media()])
            }
        }

        @Test("the local sports-day images are left out with a warning each", arguments: TransportKind.allCases)
        func localImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                var payload = try Composer().payload(for: post, on: .tumblr)
                // The composer already leaves local files out for this network; a payload built
                // another way may still hold them, and the client leaves them out too.
                #expect(payload.images.isEmpty && payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
                payload.images = post.images
                let delivery = try await TumblrLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 2)
                #expect(server.posts(on: .tumblr).map(\.media) == [[]])
            }
        }
    }
}
