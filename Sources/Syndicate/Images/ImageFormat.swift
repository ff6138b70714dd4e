import Foundation

/// An image file format, as its bytes say (never as a file name or a server's header claims).
///
/// Open like ``HTTPRequest/Method``: the formats Syndicate sniffs are static members.
public struct ImageFormat: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The media type, such as `image/jpeg`.
    public var rawValue: String
    /// Creates a format from its media type.
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    /// JPEG (`FF D8 FF`).
    public static let jpeg = ImageFormat(rawValue: "image/jpeg")
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    public static let png = ImageFormat(rawValue: "image/png")
    /// GIF 87a or 89a.
    public static let gif = ImageFormat(rawValue: "image/gif")
    /// WebP (`RIFF….WEBP`).
    public static let webp = ImageFormat(rawValue: "image/webp")
    /// AVIF (an ISO-BMFF `ftyp` box with brand `avif` or `avis`).
    public static let avif = ImageFormat(rawValue: "image/avif")
    /// HEIC (an ISO-BMFF `ftyp` box with a HEIF brand).
    public static let heic = ImageFormat(rawValue: "image/heic")

    /// The media type.
    public var mimeType: String { rawValue }
    /// A file extension for the format (`jpg`, `png`…).
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        case .avif: "avif"
        case .heic: "heic"
        default: rawValue.split(separator: "/").last.map(String.init) ?? "bin"
        }
    }
    /// The media type.
    public var description: String { rawValue }

    /// The format a file extension names (`jpg`, `PNG`, `heif`…), nil for one Syndicate does not
    /// know. Only for an image whose bytes are not at hand (a URL a network fetches itself, a
    /// dry run): bytes are always sniffed instead.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "webp": self = .webp
        case "avif": self = .avif
        case "heic", "heif": self = .heic
        default: return nil
        }
    }

    /// The formats every network that takes images accepts.
    public static let common: Set<ImageFormat> = [.jpeg, .png, .gif, .webp]
}
