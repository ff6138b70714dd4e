import Foundation
import Syndicate
@testable import SyndicateFuzzTargets
import Testing

/// The `images` and `multipart` targets' generated seeds are what they claim to be, and each
/// target's invariant can fail (a probe that breaks it is caught).
@Suite("Image and multipart fuzz seeds")
struct ImageFuzzSeedTests {
    @Test("each image seed is read as the format and size it was written for")
    func imageSeeds() {
        let headers = Dictionary(uniqueKeysWithValues: ImageSeeds.images().map { ($0.name, ImageHeader($0.data)) })
        #expect(headers["jpeg-sof0"] == ImageHeader(format: .jpeg, width: 480, height: 320))
        #expect(headers["jpeg-sof2-fill"] == ImageHeader(format: .jpeg, width: 4000, height: 3000))
        #expect(headers["jpeg-short"] == ImageHeader(format: .jpeg))
        #expect(headers["png-ihdr"] == ImageHeader(format: .png, width: 320, height: 320))
        #expect(headers["png-short"] == ImageHeader(format: .png))
        #expect(headers["gif89a"] == ImageHeader(format: .gif, width: 320, height: 240))
        #expect(headers["webp-vp8"] == ImageHeader(format: .webp, width: 800, height: 600))
        #expect(headers["webp-vp8l"] == ImageHeader(format: .webp, width: 800, height: 600))
        #expect(headers["webp-vp8x"] == ImageHeader(format: .webp, width: 800, height: 600))
        #expect(headers["webp-short"] == ImageHeader(format: .webp))
        #expect(headers["avif-ftyp"] == ImageHeader(format: .avif))
        #expect(headers["heic-ftyp"] == ImageHeader(format: .heic))
    }

    @Test("the multipart seeds with a body parse to their parts")
    func multipartSeeds() throws {
        let upload = try #require(ImageSeeds.multipart().first { $0.name == "upload" }?.data)
        let newline = try #require(upload.firstIndex(of: 0x0A))
        let parts = MultipartForm.parse(Data(upload[(newline + 1)...]), boundary: String(decoding: upload[..<newline], as: UTF8.self))
        #expect(parts?.map(\.name) == ["description", "file"])
        #expect(parts?.last?.contentType == "image/jpeg")
        #expect(parts?.last.flatMap { ImageHeader($0.data) } == ImageHeader(format: .jpeg, width: 480, height: 320))
    }

    @Test("the invariants hold on a hand-made form and on a JPEG cut before its frame header")
    func handMadeInputs() throws {
        try MultipartFuzzTarget.checkRoundTrip(Data("name\u{0}value\u{0}\u{FF}\u{D8}\u{FF}".utf8))
        // Cut short, the seed is a JPEG of unknown size; appending bytes must not contradict that.
        let seed = ImageSeeds.images()[0].data
        #expect(ImageHeader(seed)?.width == 480)
        #expect(ImageHeader(seed.prefix(26))?.width == nil)
        try ImageHeaderFuzzTarget.check(seed.prefix(26))
    }
}
