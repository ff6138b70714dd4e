import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// The format comes from the bytes, and the size from each format's own header.
@Suite struct ImageHeaderTests {
    static func be(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }
    static func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> ($0 * 8)) & 0xFF) } }

    @Test func theExampleJPEGAndPNGReadTheirSizes() throws {
        let jpeg = try ImageHeader(Fixtures.exampleData("images/sports-day-relay.jpg"))
        #expect(jpeg == ImageHeader(format: .jpeg, width: 480, height: 320))
        let png = try ImageHeader(Fixtures.exampleData("images/sports-day-medals.png"))
        #expect(png == ImageHeader(format: .png, width: 320, height: 320))
    }

    @Test func aJPEGFrameAfterLargeSegmentsIsFound() {
        // SOI, an APP1 of 40,000 bytes, a DQT, then SOF2 (progressive) 1200×630.
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1] + Self.be(40_002, 2) + [UInt8](repeating: 0x41, count: 40_000)
        bytes += [0xFF, 0xDB] + Self.be(4, 2) + [0, 0]
        bytes += [0xFF, 0xC2] + Self.be(11, 2) + [8] + Self.be(630, 2) + Self.be(1200, 2) + [3, 1, 0x11, 0]
        #expect(ImageHeader(Data(bytes)) == ImageHeader(format: .jpeg, width: 1200, height: 630))
    }

    /// A JPEG of `width` × `height` whose EXIF says `orientation`, in either byte order.
    static func orientedJPEG(width: Int, height: Int, orientation: Int, littleEndian: Bool) -> Data {
        let u16 = { (v: Int) in littleEndian ? Self.le(v, 2) : Self.be(v, 2) }
        let u32 = { (v: Int) in littleEndian ? Self.le(v, 4) : Self.be(v, 4) }
        var tiff: [UInt8] = (littleEndian ? Array("II".utf8) : Array("MM".utf8)) + u16(42) + u32(8)
        tiff += u16(2)                                                            // two entries
        tiff += u16(0x010F) + u16(2) + u32(4) + Array("Cam\0".utf8)              // Make, ASCII
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]         // Orientation, SHORT
        tiff += u32(0)
        let app1 = Array("Exif".utf8) + [0, 0] + tiff
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1] + Self.be(app1.count + 2, 2) + app1
        bytes += [0xFF, 0xC0] + Self.be(11, 2) + [8] + Self.be(height, 2) + Self.be(width, 2) + [3, 1, 0x11, 0]
        return Data(bytes)
    }

    @Test func anEXIFOrientationTurnsTheUprightSize() {
        for little in [true, false] {
            let sideways = ImageHeader(Self.orientedJPEG(width: 4032, height: 3024, orientation: 6, littleEndian: little))
            #expect(sideways == ImageHeader(format: .jpeg, width: 4032, height: 3024, orientation: 6))
            #expect(sideways?.uprightWidth == 3024 && sideways?.uprightHeight == 4032)
            let upsideDown = ImageHeader(Self.orientedJPEG(width: 4032, height: 3024, orientation: 3, littleEndian: little))
            #expect(upsideDown?.uprightWidth == 4032 && upsideDown?.orientation == 3)
        }
        // An orientation out of range is read as upright.
        #expect(ImageHeader(Self.orientedJPEG(width: 10, height: 20, orientation: 9, littleEndian: true))?.orientation == 1)
        #expect(ImageHeader(format: .jpeg, orientation: 0).orientation == 1)
    }

    @Test func aJPEGWithoutAFrameIsStillAJPEGOfUnknownSize() {
        let truncated: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]
        #expect(ImageHeader(Data(truncated)) == ImageHeader(format: .jpeg))
        // The huffman table marker (C4) is not a frame.
        let dht: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC4] + Self.be(6, 2) + [0, 1, 2, 3, 0xFF, 0xD9]
        #expect(ImageHeader(Data(dht))?.width == nil)
    }

    @Test func gifAndWebPVariantsReadTheirSizes() {
        let gif = Array("GIF89a".utf8) + Self.le(640, 2) + Self.le(480, 2)
        #expect(ImageHeader(Data(gif)) == ImageHeader(format: .gif, width: 640, height: 480))
        func riff(_ chunk: String, _ payload: [UInt8]) -> Data {
            Data(Array("RIFF".utf8) + Self.le(4 + 8 + payload.count, 4) + Array("WEBP".utf8) + Array(chunk.utf8) + Self.le(payload.count, 4) + payload)
        }
        let lossy = riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A] + Self.le(800, 2) + Self.le(600, 2) + [0, 0])
        #expect(ImageHeader(lossy) == ImageHeader(format: .webp, width: 800, height: 600))
        let bits = (400 - 1) | ((300 - 1) << 14)
        let lossless = riff("VP8L", [0x2F] + Self.le(bits, 4) + [0, 0, 0, 0, 0])
        #expect(ImageHeader(lossless) == ImageHeader(format: .webp, width: 400, height: 300))
        let extended = riff("VP8X", [0, 0, 0, 0] + Self.le(1919, 3) + Self.le(1079, 3))
        #expect(ImageHeader(extended) == ImageHeader(format: .webp, width: 1920, height: 1080))
    }

    @Test func isoMediaBrandsNameAVIFAndHEIC() {
        func ftyp(_ brand: String) -> Data { Data(Self.be(24, 4) + Array("ftyp".utf8) + Array(brand.utf8) + [0, 0, 0, 0]) }
        #expect(ImageHeader(ftyp("avif"))?.format == .avif)
        #expect(ImageHeader(ftyp("heic"))?.format == .heic)
        #expect(ImageHeader(ftyp("isom")) == nil)  // an MP4 video is not an image
    }

    @Test func textAndPagesAreNotImages() {
        #expect(ImageHeader(Data("<!doctype html><title>404</title>".utf8)) == nil)
        #expect(ImageHeader(Data()) == nil)
        #expect(ImageHeader(Data([0x89, 0x50, 0x4E])) == nil)
    }

    @Test func hostileHeadersNeverTrapAndNeverGiveNonPositiveSizes() {
        var generator = SeededGenerator(seed: 19)
        let magics: [[UInt8]] = [[0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("GIF89a".utf8), Array("RIFF\0\0\0\0WEBPVP8X".utf8)]
        for round in 0..<2_000 {
            let tail = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let bytes = magics[round % magics.count] + tail
            if let header = ImageHeader(Data(bytes)) {
                #expect((header.width ?? 1) > 0 && (header.height ?? 1) > 0)
            }
        }
    }
}
