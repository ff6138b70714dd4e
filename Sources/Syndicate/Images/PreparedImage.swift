import Crypto
import Foundation

/// An image ready to go: its bytes (fitted to the network's limits), the format sniffed from
/// them, its size in pixels and its alt text. Clients upload ``data``; dry runs show ``summary``.
public struct PreparedImage: Sendable, Hashable {
    /// Where the image came from: an `http(s)` or `file` URL.
    public var source: URL
    /// The alt text, fitted to the network's limit; empty when the post gives none.
    public var alt: String
    /// The bytes to upload; empty when ``isFetched`` is false.
    public var data: Data
    /// The format the bytes are in.
    public var format: ImageFormat
    /// The width in pixels, when known.
    public var width: Int?
    /// The height in pixels, when known.
    public var height: Int?
    /// Whether the bytes were read: false in a dry run that leaves remote images unfetched, where
    /// ``data`` holds a note instead.
    public var isFetched: Bool
    /// Whether the bytes were scaled or re-encoded to fit the network.
    public var wasFitted: Bool

    /// Creates a prepared image.
    public init(
        source: URL, alt: String, data: Data, format: ImageFormat, width: Int?, height: Int?, isFetched: Bool = true,
        wasFitted: Bool = false
    ) {
        self.source = source
        self.alt = alt
        self.data = data
        self.format = format
        self.width = width
        self.height = height
        self.isFetched = isFetched
        self.wasFitted = wasFitted
    }

    /// The hex SHA-256 of ``data``: what an upload is remembered by.
    public var sha256: String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// A file name for multipart uploads: `image-<first 12 hex of the digest>.<extension>`.
    public var fileName: String { "image-\(sha256.prefix(12)).\(format.fileExtension)" }

    /// The image as a dry run shows it in place of its bytes:
    /// `<image/jpeg 182,344 bytes, 1200×630, sha256 9f86d081884c…>`.
    public var summary: String {
        guard isFetched else { return String(decoding: data, as: UTF8.self) }
        return Self.summary(of: data, format: format)
    }

    /// The summary of bytes in `format`.
    static func summary(of data: Data, format: ImageFormat) -> String {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let header = ImageHeader(data)
        let size = header.flatMap { header in header.uprightWidth.flatMap { w in header.uprightHeight.map { ", \(w)×\($0)" } } } ?? ""
        let count = data.count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        return "<\(format.mimeType) \(count) bytes\(size), sha256 \(digest.prefix(16))…>"
    }

    /// The width over the height, when both are known (Bluesky's `aspectRatio`).
    public var aspectRatio: (width: Int, height: Int)? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        return (width, height)
    }

    /// The note an unfetched image carries instead of bytes.
    static func unfetchedNote(_ source: URL) -> Data {
        Data("<image \(ImageError.name(of: source)), not fetched in a dry run>".utf8)
    }
}
