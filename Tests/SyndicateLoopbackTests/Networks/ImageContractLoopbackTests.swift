import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// Every network's client with a post of two images published on the (loopback) site, through
    /// every transport: the images end attached exactly once, in order, with their alt text where
    /// the network has alt text, also after a 500 on the image's first request.
    @Suite("Network clients over loopback: images")
    struct ImageContractLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The request that sends an image first (an upload, or Telegram's album, which is the
        /// post), or nil where the network fetches images by URL with the post itself.
        static func imageRoute(_ network: SocialNetwork) -> LoopbackRoute? {
            switch network {
            case .x: .xMediaUpload
            case .mastodon: .mastodonMedia
            case .bluesky: .blueskyUploadBlob
            case .linkedin: .linkedInImages
            case .facebook: .facebookPhotos
            case .telegram: .telegramSendMediaGroup
            default: nil
            }
        }

        /// The sports-day post with its two images served by `server` as the school's site would.
        static func post(on server: LoopbackServer) throws -> (post: Post, images: [Data]) {
            let relay = try Fixtures.exampleData("images/sports-day-relay.jpg")
            let medals = try Fixtures.exampleData("images/sports-day-medals.png")
            var post = Fixtures.sportsDay
            post.images = [
                Post.Image(url: server.hostImage(relay, named: "relay.jpg", contentType: "image/jpeg"), alt: post.images[0].alt),
                Post.Image(url: server.hostImage(medals, named: "medals.png", contentType: "image/png"), alt: post.images[1].alt),
            ]
            return (post, [relay, medals])
        }

        /// Checks that `network` holds the two images once, as the post gave them.
        static func expectAttachedOnce(_ network: LoopbackNetwork, server: LoopbackServer, post: Post, images: [Data]) throws {
            let media = server.posts(on: network.network).flatMap(\.media)
            let limits = try #require(NetworkRegistry.builtIn.definition(for: network.network)?.imageLimits)
            #expect(media.count == 2, "\(network.name): \(media)")
            if limits.transfer == .upload {
                let digests = images.map { PreparedImage(source: post.url!, alt: "", data: $0, format: .jpeg, width: nil, height: nil).sha256 }
                #expect(media.map(\.sha256) == digests, "\(network.name)")
                #expect(media.map(\.contentType) == ["image/jpeg", "image/png"], "\(network.name)")
                // Downloaded from the site once, however many attempts.
                #expect(server.requests.filter { $0.path == "/images/relay.jpg" }.count == 1, "\(network.name)")
            } else {
                #expect(media.map(\.url) == post.images.map(\.url.absoluteString), "\(network.name)")
                #expect(!server.requests.contains { $0.path.hasPrefix("/images/") }, "\(network.name) fetches them itself")
            }
            if limits.carriesAltText {
                #expect(media.map(\.alt) == post.images.map(\.alt), "\(network.name)")
            } else {
                #expect(media.allSatisfy { $0.alt == nil }, "\(network.name)")
            }
        }

        @Test("two images with alt text end on the network attached exactly once", arguments: LoopbackNetwork.all, TransportKind.allCases)
        func attachedOnce(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, images) = try Self.post(on: server)
                let client = try network.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, through: client, kind: kind)
                let delivery = try #require(result.delivery, "\(network.name): \(String(describing: result.error))")
                #expect(delivery.warnings.isEmpty, "\(network.name): \(delivery.warnings)")
                try Self.expectAttachedOnce(network, server: server, post: post, images: images)
            }
        }

        @Test(
            "after a 500 on the image's first request, the images are attached once, or nothing is posted where a repeat could double",
            arguments: LoopbackNetwork.all.filter { imageRoute($0.network) != nil }, TransportKind.allCases)
        func afterAServerError(network: LoopbackNetwork, kind: TransportKind) async throws {
            let route = try #require(Self.imageRoute(network.network))
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, images) = try Self.post(on: server)
                server.script(.status(500), for: route)
                let client = try network.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, through: client, kind: kind)
                if network.refusesDuplicates {
                    #expect(result.delivery != nil, "\(network.name): \(String(describing: result.error))")
                    #expect(result.attempts == 2)
                    try Self.expectAttachedOnce(network, server: server, post: post, images: images)
                } else {
                    // Telegram's album is the post: a 500 may have posted it, so it is not sent again.
                    #expect(result.error?.category == .serverError && result.attempts == 1, "\(network.name)")
                    #expect(server.posts(on: network.network).isEmpty)
                }
            }
        }
    }
}
