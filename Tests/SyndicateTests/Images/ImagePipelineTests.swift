import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Images are read from disk or downloaded once, sniffed from their bytes, checked against the
/// network's limits, fitted when a resizer is set and otherwise left out with a warning.
@Suite struct ImagePipelineTests {
    /// Serves fixed answers by URL and counts requests.
    actor ImageServer: HTTPTransport {
        var answers: [String: HTTPResponse]
        var requests: [HTTPRequest] = []
        init(_ answers: [String: HTTPResponse]) { self.answers = answers }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            requests.append(request)
            if request.url.host == "nowhere.example" { throw HTTPTransportError(.connectionFailed, "could not resolve host") }
            guard let answer = answers[request.url.absoluteString] else {
                throw HTTPTransportError(.timedOut, "no answer within the timeout")
            }
            return answer
        }
    }

    /// "Fits" any image by answering a fixed one, recording what it was asked.
    struct ReplacingResizer: ImageResizer {
        let name = "test resizer"
        let replacement: Data
        func fit(_ image: PreparedImage, within limits: ImageLimits) throws(ImageError) -> PreparedImage {
            guard let header = ImageHeader(replacement) else {
                throw ImageError(.corrupt, image: image.source, message: "\(image.source) cannot be decoded", fix: "replace it")
            }
            return PreparedImage(source: image.source, alt: image.alt, data: replacement, format: header.format, width: header.width, height: header.height)
        }
    }

    static let relay = Fixtures.example("images/sports-day-relay.jpg")
    static let medals = Fixtures.example("images/sports-day-medals.png")
    static let limits = ImageLimits(maximumCount: 4, maximumBytes: 1_000_000)

    @Test func aLocalFileIsReadAndSniffed() async throws {
        let pipeline = ImagePipeline()
        let image = try await pipeline.prepare(Post.Image(url: Self.relay, alt: "Relay"), limits: Self.limits, transport: DryRunTransport())
        #expect(image.format == .jpeg && image.width == 480 && image.height == 320)
        #expect(image.data == (try Data(contentsOf: Self.relay)) && image.isFetched && !image.wasFitted)
        #expect(image.alt == "Relay")
        #expect(image.fileName.hasPrefix("image-") && image.fileName.hasSuffix(".jpg"))
        #expect(image.summary.hasPrefix("<image/jpeg 3,805 bytes, 480×320, sha256 "))
    }

    @Test func aPhonePhotoStoredSidewaysIsMeasuredUpright() async throws {
        let url = "https://school.example/img/portrait.jpg"
        let photo = ImageHeaderTests.orientedJPEG(width: 800, height: 600, orientation: 6, littleEndian: false)
        let server = ImageServer([url: HTTPResponse(status: 200, body: photo)])
        let image = try await ImagePipeline().prepare(Post.Image(url: URL(string: url)!), limits: Self.limits, transport: server)
        #expect(image.width == 600 && image.height == 800)  // Bluesky's aspectRatio is portrait
        #expect(image.summary.contains(", 600×800, sha256 "))
    }

    @Test func aRemoteImageIsDownloadedOnceForEveryNetwork() async throws {
        let url = "https://school.example/img/relay.jpg"
        let server = ImageServer([url: HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: try Data(contentsOf: Self.relay))])
        let pipeline = ImagePipeline()
        for _ in 0..<3 {
            let image = try await pipeline.prepare(Post.Image(url: URL(string: url)!, alt: "Relay"), limits: Self.limits, transport: server)
            #expect(image.format == .jpeg)  // from the bytes, not the server's wrong Content-Type
        }
        #expect(await server.requests.count == 1)
        #expect(await server.requests.first?.headers["Accept"] == "image/*")
    }

    @Test func redirectsAreFollowedAFewTimesOverHTTPOnly() async throws {
        let first = "http://school.example/img/relay.jpg", final = "https://cdn.school.example/relay.jpg"
        let server = ImageServer([
            first: HTTPResponse(status: 301, headers: ["Location": "https://school.example/img/relay.jpg"]),
            "https://school.example/img/relay.jpg": HTTPResponse(status: 302, headers: ["Location": "//cdn.school.example/relay.jpg"]),
            final: HTTPResponse(status: 200, body: try Data(contentsOf: Self.relay)),
            "https://school.example/img/loop.jpg": HTTPResponse(status: 302, headers: ["Location": "/img/loop.jpg"]),
            "https://school.example/img/local.jpg": HTTPResponse(status: 302, headers: ["Location": "file:///etc/passwd"]),
        ])
        let image = try await ImagePipeline().prepare(Post.Image(url: URL(string: first)!), limits: Self.limits, transport: server)
        #expect(image.format == .jpeg && image.source.absoluteString == first)
        #expect(await server.requests.map(\.url.absoluteString) == [first, "https://school.example/img/relay.jpg", final])
        for url in ["https://school.example/img/loop.jpg", "https://school.example/img/local.jpg"] {
            await #expect {
                try await ImagePipeline().prepare(Post.Image(url: URL(string: url)!), limits: Self.limits, transport: server)
            } throws: { error in (error as? ImageError)?.kind == .fetchFailed && (error as? ImageError)?.isTransient == false }
        }
        #expect(await server.requests.filter { $0.url.path == "/img/loop.jpg" }.count == 1 + ImagePipeline.maximumRedirects)
    }

    @Test func aDryRunLeavesRemoteImagesUnfetchedAndSaysSo() async throws {
        let transport = DryRunTransport()
        let image = try await ImagePipeline().prepare(
            Post.Image(url: URL(string: "https://school.example/img/relay.png")!, alt: "Relay", width: 1200, height: 630),
            limits: Self.limits, transport: transport)
        #expect(!image.isFetched && image.format == .png && image.width == 1200)
        #expect(image.summary == "<image https://school.example/img/relay.png, not fetched in a dry run>")
        #expect(await transport.requests.isEmpty)
    }

    @Test func aPageIsNotAnImage() async throws {
        let url = "https://school.example/img/missing.jpg"
        let server = ImageServer([url: HTTPResponse(status: 200, body: Data("<!doctype html><p>Not found".utf8))])
        await #expect {
            try await ImagePipeline().prepare(Post.Image(url: URL(string: url)!), limits: Self.limits, transport: server)
        } throws: { error in
            let error = error as? ImageError
            return error?.kind == .notAnImage && error?.image.absoluteString == url && error?.message.contains(url) == true
        }
    }

    @Test func errorStatusesAndTimeoutsSayWhetherTheyMayPass() async throws {
        let gone = "https://school.example/img/gone.jpg", busy = "https://school.example/img/busy.jpg"
        let server = ImageServer([gone: HTTPResponse(status: 404), busy: HTTPResponse(status: 503)])
        for (url, transient) in [(gone, false), (busy, true), ("https://school.example/img/slow.jpg", true), ("https://nowhere.example/a.jpg", false)] {
            await #expect {
                try await ImagePipeline().prepare(Post.Image(url: URL(string: url)!), limits: Self.limits, transport: server)
            } throws: { error in
                (error as? ImageError)?.kind == .fetchFailed && (error as? ImageError)?.isTransient == transient
            }
        }
    }

    @Test func aHeaderClaimingBillionsOfPixelsIsRefusedWithoutTrapping() async throws {
        // A 33-byte PNG whose IHDR claims 4,294,967,295 × 4,294,967,295 pixels.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        let url = "https://school.example/img/huge.png"
        let server = ImageServer([url: HTTPResponse(status: 200, body: Data(png))])
        let pixels = ImageLimits(maximumCount: 4, maximumPixels: 33_177_600)
        #expect(!pixels.admits(bytes: 33, width: 4_294_967_295, height: 4_294_967_295))
        #expect(!pixels.admits(bytes: 33, width: Int.max, height: 2))
        let resizer = ReplacingResizer(replacement: try Data(contentsOf: Self.relay))
        await #expect {
            try await ImagePipeline(resizer: resizer).prepare(Post.Image(url: URL(string: url)!), limits: pixels, transport: server)
        } throws: { error in
            (error as? ImageError)?.kind == .tooLarge && (error as? ImageError)?.message.contains("4294967295×4294967295") == true
        }
    }

    @Test func messagesNameImagesWithoutTheirCredentials() {
        let signed = URL(string: "https://editor:hunter2@cdn.school.example/img/a.jpg?token=s3cr3t&sig=abc#top")!
        #expect(ImageError.name(of: signed) == "https://cdn.school.example/img/a.jpg?…")
        #expect(ImageError.name(of: URL(string: "https://school.example/img/a.jpg")!) == "https://school.example/img/a.jpg")
        #expect(ImageError.name(of: URL(fileURLWithPath: "/srv/blog/a.jpg")) == "/srv/blog/a.jpg")
        #expect(!PreparedImage.unfetchedNote(signed).contains(Data("s3cr3t".utf8)))
    }

    @Test func aMissingFileNamesItsPath() async throws {
        let missing = URL(fileURLWithPath: "/nonexistent/sports-day.jpg")
        await #expect {
            try await ImagePipeline().prepare(Post.Image(url: missing), limits: Self.limits, transport: DryRunTransport())
        } throws: { error in
            (error as? ImageError)?.kind == .unreadable && (error as? ImageError)?.message.contains("/nonexistent/sports-day.jpg") == true
        }
    }

    @Test func overALimitWithoutAResizerIsTooLargeAndSaysHowToFixIt() async throws {
        let small = ImageLimits(maximumCount: 1, maximumBytes: 1_000)
        await #expect {
            try await ImagePipeline().prepare(Post.Image(url: Self.relay), limits: small, transport: DryRunTransport())
        } throws: { error in
            guard let error = error as? ImageError else { return false }
            return error.kind == .tooLarge && error.message.contains("3,805 bytes, over the limit of 1,000")
                && error.fix.contains("libvips")
        }
        let jpegOnly = ImageLimits(maximumCount: 1, formats: [.jpeg])
        await #expect {
            try await ImagePipeline().prepare(Post.Image(url: Self.medals), limits: jpegOnly, transport: DryRunTransport())
        } throws: { error in
            (error as? ImageError)?.message.contains("image/png, which the network does not take") == true
        }
    }

    @Test func aResizerFitsWhatIsOverTheLimitAndItsResultIsChecked() async throws {
        let jpegOnly = ImageLimits(maximumCount: 1, maximumBytes: 10_000, formats: [.jpeg])
        let resizer = ReplacingResizer(replacement: try Data(contentsOf: Self.relay))
        let fitted = try await ImagePipeline(resizer: resizer).prepare(Post.Image(url: Self.medals, alt: "Medals"), limits: jpegOnly, transport: DryRunTransport())
        #expect(fitted.wasFitted && fitted.format == .jpeg && fitted.source == Self.medals && fitted.alt == "Medals")
        // A resizer whose result is still over the limit is not believed.
        let tiny = ImageLimits(maximumCount: 1, maximumBytes: 100, formats: [.jpeg])
        await #expect {
            try await ImagePipeline(resizer: resizer).prepare(Post.Image(url: Self.medals), limits: tiny, transport: DryRunTransport())
        } throws: { error in
            (error as? ImageError)?.kind == .tooLarge && (error as? ImageError)?.message.contains("after test resizer") == true
        }
    }

    @Test func clientsLeaveOutWhatCannotBeUsedAndFailOnlyOnWhatMayPass() async throws {
        let busy = "https://school.example/img/busy.jpg"
        let server = ImageServer([busy: HTTPResponse(status: 503)])
        let exchange = NetworkExchange(network: .x, account: "school", environment: DeliveryEnvironment(transport: server), secrets: [])
        let images = [Post.Image(url: Self.relay, alt: "Relay"), Post.Image(url: URL(fileURLWithPath: "/nonexistent/a.jpg"))]
        let prepared = try await exchange.prepareImages(images, limits: Self.limits)
        #expect(prepared.images.map(\.source) == [Self.relay])
        #expect(prepared.warnings.count == 1 && prepared.warnings[0].contains("/nonexistent/a.jpg"))
        await #expect(throws: DeliveryError.self) {
            try await exchange.prepareImages([Post.Image(url: URL(string: busy)!)], limits: Self.limits)
        }
        let (urls, warnings) = exchange.publicImages(images + [Post.Image(url: URL(string: busy)!, alt: "Busy")], limits: Self.limits)
        #expect(urls.map(\.url.absoluteString) == [busy] && urls.first?.alt == "Busy")
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.contains("web address") })
    }

    @Test func anUploadIsRememberedForTheSamePostAccountAndImageUntilItExpires() async throws {
        var now = Date(timeIntervalSince1970: 1_000_000)
        let clock = LockedDate(now)
        let environment = DeliveryEnvironment(transport: DryRunTransport(), now: { clock.value })
        let exchange = NetworkExchange(network: .mastodon, account: "school", environment: environment, secrets: [])
        let image = try await environment.images.prepare(Post.Image(url: Self.relay, alt: "Relay"), limits: Self.limits, transport: DryRunTransport())
        let post = Post(id: "p1", title: "Sports day")
        let uploads = LockedDate.Counter()
        func upload(_ post: Post, _ image: PreparedImage) async throws -> String {
            try await exchange.uploadOnce(image, of: post, lifetime: .seconds(3_600)) { () async throws(DeliveryError) -> String in
                "media-\(uploads.increment())"
            }
        }
        #expect(try await upload(post, image) == "media-1")
        #expect(try await upload(post, image) == "media-1")  // a retry reuses it
        #expect(try await upload(Post(id: "p2", title: "Other"), image) == "media-2")  // another post does not
        var described = image
        described.alt = "Another description"
        #expect(try await upload(post, described) == "media-3")  // nor another alt text
        now.addTimeInterval(3_600)
        clock.value = now
        #expect(try await upload(post, image) == "media-4")  // nor an expired upload
    }
}

/// A date and a counter tests change from `@Sendable` closures.
final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Date
    init(_ date: Date) { stored = date }
    var value: Date {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() -> Int { lock.withLock { count += 1; return count } }
    }
}
