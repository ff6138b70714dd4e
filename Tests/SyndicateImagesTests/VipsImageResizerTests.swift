import Foundation
import Syndicate
@testable import SyndicateImages
import Testing

/// ``VipsImageResizer`` on images libvips makes in the test: scaled under byte, pixel and side
/// limits with the aspect ratio kept, converted to a format the network takes, turned upright,
/// and corrupt bytes reported as such.
@Suite("VipsImageResizer")
struct VipsImageResizerTests {
    static let bluesky = ImageLimits(maximumCount: 4, maximumBytes: 1_000_000)

    @Test("libvips is either loaded with a version, or absent with a reason that says how to install it")
    func availability() {
        if let resizer = VipsImageResizer.shared {
            #expect(resizer.name.hasPrefix("libvips 8."))
            #expect(VipsImageResizer.unavailableReason == nil)
        } else {
            let reason = VipsImageResizer.unavailableReason ?? ""
            #expect(reason.contains("libvips") && reason.contains("apt-get install libvips42"), "\(reason)")
        }
    }

    @Test("a 12-megapixel JPEG of several MB is fitted under Bluesky's 1,000,000 bytes, 4:3 kept")
    func twelveMegapixelsUnderBluesky() throws {
        guard let resizer = TestImages.resizer(for: "twelveMegapixelsUnderBluesky") else { return }
        let data = try TestImages.encoded(".jpg[Q=95]", width: 4000, height: 3000, noise: 12)
        #expect(data.count > 3_000_000, "the input should be several MB, is \(data.count)")
        let image = try TestImages.prepared(data, name: "match.jpg")
        #expect(image.width == 4000 && image.height == 3000)

        let started = ContinuousClock.now
        let fitted = try resizer.fit(image, within: Self.bluesky)
        let elapsed = ContinuousClock.now - started
        print("MEASURED 4000×3000 JPEG of \(data.count) bytes → \(fitted.width ?? 0)×\(fitted.height ?? 0) JPEG of \(fitted.data.count) bytes in \(elapsed)")

        #expect(fitted.format == .jpeg)
        #expect(fitted.data.count <= 1_000_000)
        #expect(fitted.data.count > 300_000, "scaled far more than needed: \(fitted.data.count) bytes")
        let width = try #require(fitted.width), height = try #require(fitted.height)
        #expect(abs(3 * width - 4 * height) <= 4, "\(width)×\(height) is not 4:3 within a pixel")
        #expect(ImageHeader(fitted.data) == ImageHeader(format: .jpeg, width: width, height: height))
        #expect(fitted.wasFitted)
        #expect(fitted.source == image.source && fitted.alt == image.alt)
    }

    @Test("a pixel limit scales to the largest size under it, aspect ratio kept")
    func pixelLimit() throws {
        guard let resizer = TestImages.resizer(for: "pixelLimit") else { return }
        let image = try TestImages.prepared(TestImages.encoded(".jpg[Q=90]", width: 4000, height: 3000), name: "wide.jpg")
        let limits = ImageLimits(maximumCount: 4, maximumPixels: 2_000_000)
        let fitted = try resizer.fit(image, within: limits)
        let width = try #require(fitted.width), height = try #require(fitted.height)
        #expect(width * height <= 2_000_000)
        #expect(width * height > 1_980_000, "\(width)×\(height) is smaller than it needs to be")
        #expect(abs(3 * width - 4 * height) <= 4)
        #expect(ImageHeader(fitted.data) == ImageHeader(format: .jpeg, width: width, height: height))

        // Mastodon's 33,177,600 pixels leave a 12 MP image alone, and a 640-pixel side makes it 640×480.
        let mastodon = ImageLimits(maximumCount: 4, maximumBytes: 16 * 1024 * 1024, maximumPixels: 33_177_600)
        #expect(try resizer.fit(image, within: mastodon) == image)
        let side = try resizer.fit(image, within: ImageLimits(maximumCount: 4, maximumSide: 640))
        #expect(side.width == 640 && side.height == 480)
    }

    @Test("a PNG with transparency stays a PNG with its alpha band when PNG is taken, else becomes a JPEG")
    func pngWithAlpha() throws {
        guard let resizer = TestImages.resizer(for: "pngWithAlpha") else { return }
        let data = try TestImages.encoded(".png", width: 1200, height: 900, alpha: true)
        let image = try TestImages.prepared(data, name: "logo.png")
        let fitted = try resizer.fit(image, within: ImageLimits(maximumCount: 4, maximumSide: 600))
        #expect(fitted.format == .png)
        #expect(ImageHeader(fitted.data) == ImageHeader(format: .png, width: 600, height: 450))
        // IHDR colour type 6: truecolour with alpha.
        #expect(fitted.data.count > 25 && fitted.data[25] == 6, "the PNG lost its alpha band")

        let jpegOnly = ImageLimits(maximumCount: 4, maximumSide: 600, formats: [.jpeg])
        let flattened = try resizer.fit(image, within: jpegOnly)
        #expect(ImageHeader(flattened.data) == ImageHeader(format: .jpeg, width: 600, height: 450))
    }

    @Test("WebP and GIF are converted for a network that takes only JPEG and PNG")
    func formatConversion() throws {
        guard let resizer = TestImages.resizer(for: "formatConversion") else { return }
        let limits = ImageLimits(maximumCount: 4, maximumBytes: 5_000_000, formats: [.jpeg, .png])
        let webp = try TestImages.prepared(TestImages.encoded(".webp[Q=80]", width: 800, height: 600, noise: 8), name: "photo.webp")
        #expect(webp.format == .webp)
        let fromWebP = try resizer.fit(webp, within: limits)
        #expect(ImageHeader(fromWebP.data) == ImageHeader(format: .jpeg, width: 800, height: 600))

        let gif = try TestImages.prepared(TestImages.encoded(".gif", width: 320, height: 240), name: "chart.gif")
        #expect(gif.format == .gif)
        let fromGIF = try resizer.fit(gif, within: limits)
        #expect(fromGIF.format == .jpeg || fromGIF.format == .png)
        #expect(ImageHeader(fromGIF.data) == ImageHeader(format: fromGIF.format, width: 320, height: 240))
    }

    @Test("the EXIF orientation is applied: a sideways 400×300 JPEG comes out 150×200 under a 200-pixel side")
    func orientation() throws {
        guard let resizer = TestImages.resizer(for: "orientation") else { return }
        let data = try TestImages.encoded(".jpg", width: 400, height: 300, orientation: 6)
        let image = try TestImages.prepared(data, name: "sideways.jpg")
        let fitted = try resizer.fit(image, within: ImageLimits(maximumCount: 4, maximumSide: 200))
        #expect(ImageHeader(fitted.data) == ImageHeader(format: .jpeg, width: 150, height: 200))
    }

    @Test("an image within the limits, in a format the network takes, is returned untouched")
    func withinLimits() throws {
        guard let resizer = TestImages.resizer(for: "withinLimits") else { return }
        let image = try TestImages.prepared(TestImages.encoded(".jpg", width: 480, height: 320), name: "small.jpg")
        let fitted = try resizer.fit(image, within: Self.bluesky)
        #expect(fitted == image)
        #expect(!fitted.wasFitted)
    }

    @Test("bytes that are not a decodable image are .corrupt, naming the image: JPEG magic and garbage, a truncated JPEG")
    func corrupt() throws {
        guard let resizer = TestImages.resizer(for: "corrupt") else { return }
        var generator = SystemRandomNumberGenerator()
        let garbage = Data([0xFF, 0xD8, 0xFF]) + Data((0..<4_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let real = try TestImages.encoded(".jpg[Q=90]", width: 1000, height: 800, noise: 10)
        let truncated = real.prefix(real.count / 2)
        for (name, data) in [("garbage.jpg", garbage), ("truncated.jpg", Data(truncated))] {
            let image = PreparedImage(
                source: URL(fileURLWithPath: "/photos/\(name)"), alt: "", data: data, format: .jpeg, width: 1000, height: 800)
            #expect {
                try resizer.fit(image, within: ImageLimits(maximumCount: 4, maximumSide: 100))
            } throws: { error in
                guard let error = error as? ImageError else { return false }
                return error.kind == .corrupt && error.message.contains("/photos/\(name)") && error.message.contains("libvips")
                    && !error.fix.isEmpty
            }
        }
    }

    @Test("an image that cannot get under the byte limit is .tooLarge, naming the image")
    func tooLarge() throws {
        guard let resizer = TestImages.resizer(for: "tooLarge") else { return }
        let image = try TestImages.prepared(TestImages.encoded(".jpg", width: 600, height: 400, noise: 20), name: "noise.jpg")
        #expect {
            try resizer.fit(image, within: ImageLimits(maximumCount: 4, maximumBytes: 50))
        } throws: { error in
            guard let error = error as? ImageError else { return false }
            return error.kind == .tooLarge && error.message.contains("/photos/noise.jpg")
        }
    }

    @Test("through ImagePipeline: a local JPEG over Bluesky's limit is read, fitted and marked wasFitted")
    func pipeline() async throws {
        guard let resizer = TestImages.resizer(for: "pipeline") else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sports-day.jpg")
        try TestImages.encoded(".jpg[Q=95]", width: 2400, height: 1600, noise: 12).write(to: file)

        let pipeline = ImagePipeline(resizer: resizer)
        let prepared = try await pipeline.prepare(
            Post.Image(url: file, alt: "Pupils on the track"), limits: Self.bluesky, transport: DryRunTransport())
        #expect(prepared.wasFitted)
        #expect(prepared.isFetched)
        #expect(prepared.format == .jpeg)
        #expect(prepared.data.count <= 1_000_000)
        #expect(prepared.alt == "Pupils on the track")
        #expect(prepared.source == file)
        let width = try #require(prepared.width), height = try #require(prepared.height)
        #expect(abs(2 * width - 3 * height) <= 3)
    }
}
