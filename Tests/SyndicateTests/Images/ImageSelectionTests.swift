import Foundation
import Testing

@testable import Syndicate

/// Which images each network gets, and how alt text is fitted and required.
@Suite struct ImageSelectionTests {
    static func image(_ name: String, alt: String? = nil) -> Post.Image {
        Post.Image(url: URL(string: "https://school.example/img/\(name).jpg")!, alt: alt)
    }

    static func post(_ images: [Post.Image]) -> Post {
        Post(id: "p1", title: "Sports day", url: URL(string: "https://school.example/news/sports-day"),
             paragraphs: ["Rain could not stop the relay."], images: images)
    }

    @Test func everyNetworkWithImagesGetsThemUpToItsMaximum() throws {
        let images = (1...12).map { Self.image("p\($0)", alt: "Picture \($0)") }
        let composer = Composer()
        for definition in NetworkRegistry.builtIn.definitions {
            let payload = try composer.payload(for: Self.post(images), on: definition.network)
            let maximum = definition.imageLimits?.maximumCount ?? 0
            #expect(payload.images.count == min(12, maximum), "\(definition.network)")
            if maximum < 12 {
                #expect(payload.warnings.contains { $0.code == .imagesDropped }, "\(definition.network)")
            }
        }
    }

    @Test func theLeadStaysAndDescribedImagesArePreferredInThePostsOrder() throws {
        let images = [Self.image("lead"), Self.image("a"), Self.image("b", alt: "B"), Self.image("c"), Self.image("d", alt: "D"), Self.image("e", alt: "E")]
        let payload = try Composer().payload(for: Self.post(images), on: .x)
        #expect(payload.images.map(\.url.lastPathComponent) == ["lead.jpg", "b.jpg", "d.jpg", "e.jpg"])
        #expect(payload.warnings.filter { $0.code == .imageWithoutAlt }.count == 1)  // the lead only
    }

    @Test func thePolicyLowersAndSwitchesOff() throws {
        let images = [Self.image("a", alt: "A"), Self.image("b", alt: "B")]
        var configuration = ComposerConfiguration()
        configuration.images.maximumImages[.mastodon] = 1
        configuration.images.maximumImages[.x] = 9  // never above the network's own maximum
        let composer = Composer(configuration: configuration)
        #expect(try composer.payload(for: Self.post(images), on: .mastodon).images.count == 1)
        #expect(try composer.payload(for: Self.post(images), on: .x).images.count == 2)
        let none = Composer(configuration: ComposerConfiguration(images: .none))
        #expect(try none.payload(for: Self.post(images), on: .x).images.isEmpty)
    }

    @Test func aMissingAltTextIsAWarningByDefaultAndAnErrorWhenRequired() throws {
        let post = Self.post([Self.image("a", alt: "A"), Self.image("b", alt: "  ")])
        let warned = try Composer().payload(for: post, on: .bluesky)
        #expect(warned.warnings.contains { $0.code == .imageWithoutAlt && $0.message.contains("b.jpg") })
        let strict = Composer(configuration: ComposerConfiguration(images: ImagePolicy(requiresAltText: true)))
        #expect {
            try strict.payload(for: post, on: .bluesky)
        } throws: { error in
            guard let error = error as? ComposeError, case .missingAltText(let url) = error.kind else { return false }
            return url.hasSuffix("b.jpg") && error.message.contains("b.jpg") && error.message.contains("alt")
        }
    }

    @Test func networksThatFetchByURLGetNeitherLocalFilesNorFormatsTheyRefuse() throws {
        let post = Self.post([
            Post.Image(url: URL(fileURLWithPath: "/srv/blog/relay.jpg"), alt: "Relay"),
            Post.Image(url: URL(string: "https://school.example/img/wide.webp")!, alt: "Wide"),
            Post.Image(url: URL(string: "https://school.example/img/medals.png")!, alt: "Medals"),
        ])
        let threads = try Composer().payload(for: post, on: .threads)  // JPEG and PNG only
        #expect(threads.images.map(\.url.lastPathComponent) == ["medals.png"])
        let leftOut = threads.warnings.filter { $0.code == .imageLeftOut }.map(\.message)
        #expect(leftOut.count == 2)
        #expect(leftOut.contains { $0.contains("/srv/blog/relay.jpg") && $0.contains("web address") })
        #expect(leftOut.contains { $0.contains("wide.webp") && $0.contains("image/webp") })
        // An upload network takes the local file, and reads the WebP's format from its bytes.
        #expect(try Composer().payload(for: post, on: .mastodon).images.count == 3)
    }

    @Test func telegramCarriesNoAltTextSoItDoesNotWarn() throws {
        let payload = try Composer().payload(for: Self.post([Self.image("a")]), on: .telegram)
        #expect(payload.images.count == 1)
        #expect(!payload.warnings.contains { $0.code == .imageWithoutAlt })
    }

    @Test func longAltTextIsCutByTheSummaryRulesToEachNetworksLimit() throws {
        let sentence = "Year 6 pupils run the last leg of the relay across a wet field while parents cheer."
        let alt = Array(repeating: sentence, count: 40).joined(separator: " ")  // ≈ 3,400 characters
        let post = Self.post([Self.image("a", alt: alt)])
        for network in [SocialNetwork.x, .mastodon, .bluesky] {
            let payload = try Composer().payload(for: post, on: network)
            let limits = try #require(NetworkRegistry.builtIn.definition(for: network)?.imageLimits)
            let fitted = try #require(payload.images.first?.alt)
            let limit = try #require(limits.altTextLimit)
            #expect(limits.altTextCounter.measure(fitted, limit: limit).length <= limit, "\(network)")
            #expect(fitted.hasPrefix(sentence), "\(network)")
            #expect(fitted.hasSuffix("cheer."), "whole sentences kept on \(network)")
            #expect(payload.warnings.contains { $0.code == .altTextCut }, "\(network)")
        }
        // One sentence longer than the limit is cut at a word with an ellipsis.
        let long = String(repeating: "relay ", count: 400) + "end"
        let cut = try #require(try Composer().payload(for: Self.post([Self.image("a", alt: long)]), on: .x).images.first?.alt)
        #expect(cut.hasSuffix("…") && cut.unicodeScalars.count <= 1_000 && cut.unicodeScalars.count > 900)
    }
}
