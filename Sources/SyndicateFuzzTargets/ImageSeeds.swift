import Foundation
import Syndicate

/// Writes the seed corpora of ``ImageHeaderFuzzTarget`` and ``MultipartFuzzTarget``: the
/// smallest headers of every format ``ImageHeader`` reads (enough bytes for the size, and one
/// byte short of it), and multipart bodies as clients build them.
public enum ImageSeeds {
    /// The `images` seeds, by file name.
    public static func images() -> [(name: String, data: Data)] {
        func bytes(_ values: [UInt8]) -> Data { Data(values) }
        let jpeg = bytes([
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
            0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x40, 0x01, 0xE0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
            0x03, 0x11, 0x01, 0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0xFF,
            0xD9,
        ])  // 480×320, JFIF, baseline SOF0
        let progressive = bytes([0xFF, 0xD8, 0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x0B, 0xB8, 0x0F, 0xA0, 0x03])  // 4000×3000, fill byte
        let png = bytes([
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
            0x01, 0x40, 0x00, 0x00, 0x01, 0x40, 0x08, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ])  // 320×320 RGBA
        let gif = Data("GIF89a".utf8) + bytes([0x40, 0x01, 0xF0, 0x00, 0x80, 0x00, 0x00])  // 320×240
        func riff(_ chunk: String, _ payload: [UInt8]) -> Data {
            Data("RIFF".utf8) + bytes([0x24, 0x00, 0x00, 0x00]) + Data("WEBP".utf8) + Data(chunk.utf8)
                + bytes([UInt8(payload.count), 0x00, 0x00, 0x00]) + bytes(payload)
        }
        let lossy = riff("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x20, 0x03, 0x58, 0x02, 0x00, 0x00])  // 800×600
        let lossless = riff("VP8L", [0x2F, 0x1F, 0xC3, 0x95, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])  // 800×600
        let extended = riff("VP8X", [0x10, 0x00, 0x00, 0x00, 0x1F, 0x03, 0x00, 0x57, 0x02, 0x00])  // 800×600, alpha
        let avif = bytes([0x00, 0x00, 0x00, 0x1C]) + Data("ftypavif".utf8) + bytes([0, 0, 0, 0]) + Data("mif1miaf".utf8)
        let heic = bytes([0x00, 0x00, 0x00, 0x18]) + Data("ftypheic".utf8) + bytes([0, 0, 0, 0]) + Data("mif1".utf8)
        return [
            ("jpeg-sof0", jpeg), ("jpeg-sof2-fill", progressive), ("jpeg-short", jpeg.prefix(26)),
            ("png-ihdr", png), ("png-short", png.prefix(23)), ("gif89a", gif), ("gif-short", gif.prefix(9)),
            ("webp-vp8", lossy), ("webp-vp8l", lossless), ("webp-vp8x", extended), ("webp-short", extended.prefix(29)),
            ("avif-ftyp", avif), ("heic-ftyp", heic),
        ]
    }

    /// The `multipart` seeds: a boundary line, then a body (the target's format), by file name.
    public static func multipart() -> [(name: String, data: Data)] {
        var upload = MultipartForm()
        upload.add("description", "Pupils on the track at sports day")
        upload.add("file", fileName: "image-0123456789ab.jpg", contentType: "image/jpeg", data: images()[0].data)
        var fields = MultipartForm()
        fields.add("chat_id", "@school")
        fields.add("caption", "Line one\r\nLine two -- not a boundary")
        return [
            ("upload", Data("\(upload.boundary)\n".utf8) + upload.body),
            ("fields", Data("\(fields.boundary)\n".utf8) + fields.body),
            ("unterminated", Data("b\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue".utf8)),
            ("built", Data("title\u{0}Hello\u{0}".utf8) + images()[3].data),
        ]
    }
}
