import Foundation
import Syndicate

/// Fuzz target for ``ImageHeader``: format sniffing and the JPEG SOF, PNG IHDR, GIF and WebP
/// (`VP8 `, `VP8L`, `VP8X`) size parsers, on any bytes.
///
/// Checks that reading never traps and is repeatable, that a width or height it reports is
/// positive, and that what it found in some bytes it finds again when bytes are appended (the
/// same format; the same width and height where it gave them): a header is read from the front
/// of a file, so a longer download of the same file never contradicts a shorter one.
enum ImageHeaderFuzzTarget {
    static let name = "images"

    static let target = FuzzTarget(
        name: name,
        summary: "ImageHeader: format sniffing and JPEG, PNG, GIF and WebP size parsing.",
        dictionary: [
            "\u{FF}\u{D8}\u{FF}", "\u{FF}\u{C0}\u{00}\u{11}\u{08}", "\u{FF}\u{C2}", "\u{FF}\u{E1}", "\u{FF}\u{DA}",
            "\u{89}PNG\r\n\u{1A}\n", "\u{00}\u{00}\u{00}\rIHDR", "GIF87a", "GIF89a", "RIFF", "WEBP", "VP8 ", "VP8L",
            "VP8X", "\u{9D}\u{01}\u{2A}", "ftyp", "avif", "heic", "mif1",
        ],
        body: { data throws(FuzzFinding) in try check(data) }
    )

    static func check(_ data: Data) throws(FuzzFinding) {
        guard let header = ImageHeader(data) else {
            try expect(ImageHeader(data) == nil, name, "ImageHeader found nothing, then something, in the same bytes")
            return
        }
        try expect(ImageHeader(data) == header, name, "ImageHeader is not repeatable: \(header)")
        try expect(
            ImageFormat.common.union([.avif, .heic]).contains(header.format), name, "unknown format \(header.format)")
        try expect(header.width.map { $0 > 0 } ?? true, name, "width \(header.width ?? 0) is not positive")
        try expect(header.height.map { $0 > 0 } ?? true, name, "height \(header.height ?? 0) is not positive")

        for suffix in [Data(data.reversed().prefix(64)), Data(repeating: 0, count: 40), Data([0xFF, 0xD9])] {
            guard let longer = ImageHeader(data + suffix) else {
                throw FuzzFinding(target: name, message: "\(header) is no longer found after \(suffix.count) bytes are appended")
            }
            try expect(
                longer.format == header.format, name,
                "appending \(suffix.count) bytes turned \(header.format) into \(longer.format)")
            try expect(
                header.width == nil || longer.width == header.width, name,
                "appending \(suffix.count) bytes changed the width \(header.width ?? 0) to \(longer.width.map(String.init) ?? "none")")
            try expect(
                header.height == nil || longer.height == header.height, name,
                "appending \(suffix.count) bytes changed the height \(header.height ?? 0) to \(longer.height.map(String.init) ?? "none")")
        }
    }
}
