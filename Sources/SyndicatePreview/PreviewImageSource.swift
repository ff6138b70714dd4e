import Foundation

/// Where the page's `<img>` elements take their pictures from: an `http(s)` URL as it is, a
/// local `file:` image read and embedded as a `data:` URL (up to ``maximumEmbeddedBytes``);
/// anything else is not shown.
struct PreviewImageSource: Sendable {
    /// The largest local file embedded: 5 MB.
    static let maximumEmbeddedBytes = 5 * 1024 * 1024

    /// Why an image could not be shown, for a note in its place; nil when it can be.
    func problem(with url: URL) -> String? {
        if HTML.safeURL(url.absoluteString) != nil { return nil }
        guard url.isFileURL else { return "Not shown: only http(s) and local images are drawn." }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else { return "Not shown: the file cannot be read." }
        if size > Self.maximumEmbeddedBytes { return "Not shown: the file is over 5 MB, too large to embed." }
        return mediaType(of: url) == nil ? "Not shown: not a JPEG, PNG, GIF or WebP file." : nil
    }

    /// The `src` of `url`, or nil when it cannot be shown (see ``problem(with:)``).
    func source(for url: URL) -> String? {
        if let address = HTML.safeURL(url.absoluteString) { return address }
        guard url.isFileURL, problem(with: url) == nil, let type = mediaType(of: url),
            let data = try? Data(contentsOf: url), data.count <= Self.maximumEmbeddedBytes
        else { return nil }
        return "data:\(type);base64," + data.base64EncodedString()
    }

    /// The image media type of a file, from its extension.
    func mediaType(of url: URL) -> String? {
        switch url.pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        default: nil
        }
    }
}
