import Foundation

/// What the first bytes of an image say: its format and, when the header gives them, its size
/// in pixels. Nothing is decoded; a header that lies is caught by the network or the resizer.
///
/// ```swift
/// if let header = ImageHeader(data) { print(header.format, header.width ?? 0, header.height ?? 0) }
/// ```
public struct ImageHeader: Sendable, Equatable {
    /// The format the magic bytes name.
    public var format: ImageFormat
    /// The width in pixels as stored (before any EXIF orientation), when the header gives it.
    public var width: Int?
    /// The height in pixels as stored, when the header gives it.
    public var height: Int?
    /// The EXIF orientation of a JPEG (1–8; 1, upright, when it states none). 5–8 mean the
    /// picture is shown turned a quarter, so its width and height swap.
    public var orientation: Int

    /// Creates a header.
    public init(format: ImageFormat, width: Int? = nil, height: Int? = nil, orientation: Int = 1) {
        self.format = format
        self.width = width
        self.height = height
        self.orientation = (1...8).contains(orientation) ? orientation : 1
    }

    /// The width as the picture is shown (a phone's portrait photo stored sideways is taller
    /// than wide): what a network's aspect ratio wants.
    public var uprightWidth: Int? { orientation >= 5 ? height : width }
    /// The height as the picture is shown.
    public var uprightHeight: Int? { orientation >= 5 ? width : height }

    /// Reads the header of `data`; nil when the bytes are not an image format Syndicate knows.
    ///
    /// Reads at most the first 256 KiB (a JPEG's frame header may follow large EXIF and ICC
    /// segments); never traps on truncated or hostile bytes.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(Self.scanLimit))
        guard let header = Self.read(bytes) else { return nil }
        self = header
    }

    /// How far into the bytes a header is looked for.
    static let scanLimit = 256 * 1024

    static func read(_ b: [UInt8]) -> ImageHeader? {
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF {
            let frame = jpegFrame(b)
            return ImageHeader(format: .jpeg, width: frame.size?.0, height: frame.size?.1, orientation: frame.orientation)
        }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard b.count >= 24, b[12..<16].elementsEqual(Array("IHDR".utf8)) else { return ImageHeader(format: .png) }
            return ImageHeader(format: .png, width: positive(bigEndian(b, 16, 4)), height: positive(bigEndian(b, 20, 4)))
        }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) {
            guard b.count >= 10 else { return ImageHeader(format: .gif) }
            return ImageHeader(format: .gif, width: positive(littleEndian(b, 6, 2)), height: positive(littleEndian(b, 8, 2)))
        }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), b[8..<12].elementsEqual(Array("WEBP".utf8)) {
            let size = webpSize(b)
            return ImageHeader(format: .webp, width: size?.0, height: size?.1)
        }
        if b.count >= 12, b[4..<8].elementsEqual(Array("ftyp".utf8)) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if brand == "avif" || brand == "avis" { return ImageHeader(format: .avif) }
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return ImageHeader(format: .heic) }
        }
        return nil
    }

    /// The size from a JPEG's first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC), and
    /// the orientation from an EXIF segment before it.
    private static func jpegFrame(_ b: [UInt8]) -> (size: (Int, Int)?, orientation: Int) {
        var index = 2
        var orientation = 1
        while index + 4 <= b.count {
            guard b[index] == 0xFF else { return (nil, orientation) }
            let marker = b[index + 1]
            if marker == 0xFF { index += 1; continue }                      // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return (nil, orientation) }  // end of image, or scan data before a frame
            let length = bigEndian(b, index + 2, 2)
            guard length >= 2 else { return (nil, orientation) }
            if marker == 0xE1, let found = exifOrientation(b, from: index + 4, to: min(b.count, index + 2 + length)) {
                orientation = found
            }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard index + 9 <= b.count else { return (nil, orientation) }
                guard let height = positive(bigEndian(b, index + 5, 2)), let width = positive(bigEndian(b, index + 7, 2)) else {
                    return (nil, orientation)
                }
                return ((width, height), orientation)
            }
            index += 2 + length
        }
        return (nil, orientation)
    }

    /// The Orientation tag (0x0112) of IFD0 in an APP1 segment's `Exif\0\0` TIFF data, if any.
    private static func exifOrientation(_ b: [UInt8], from start: Int, to end: Int) -> Int? {
        guard start + 14 <= end, b[start..<(start + 6)].elementsEqual(Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = start + 6
        let little: Bool
        switch (b[tiff], b[tiff + 1]) {
        case (0x49, 0x49): little = true     // "II"
        case (0x4D, 0x4D): little = false    // "MM"
        default: return nil
        }
        func read(_ at: Int, _ count: Int) -> Int? {
            guard at >= tiff, at + count <= end else { return nil }
            return little ? littleEndian(b, at, count) : bigEndian(b, at, count)
        }
        guard read(tiff + 2, 2) == 42, let offset = read(tiff + 4, 4), let entries = read(tiff + offset, 2) else { return nil }
        for entry in 0..<min(entries, 256) {
            let at = tiff + offset + 2 + entry * 12
            guard let tag = read(at, 2) else { return nil }
            if tag == 0x0112, read(at + 2, 2) == 3, let value = read(at + 8, 2), (1...8).contains(value) { return value }
        }
        return nil
    }

    /// The canvas size of a WebP: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
    private static func webpSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 30 else { return nil }
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return pair(littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = littleEndian(b, 21, 4)
            return pair((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return pair(littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
        default:
            return nil
        }
    }

    private static func pair(_ width: Int, _ height: Int) -> (Int, Int)? {
        guard let width = positive(width), let height = positive(height) else { return nil }
        return (width, height)
    }

    private static func positive(_ value: Int) -> Int? { value > 0 ? value : nil }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at >= 0, at + count <= b.count else { return 0 }
        return b[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at >= 0, at + count <= b.count else { return 0 }
        return b[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
