import Foundation

/// Why an image could not be read, fetched or fitted. Every message names the image (its URL
/// or file) and the fix.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong; open like ``DeliveryError/Category-swift.struct``.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The kind's name.
        public var rawValue: String
        /// Creates a kind.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The file does not exist or cannot be read.
        public static let unreadable = Kind(rawValue: "unreadable")
        /// The server answered with an error status, or the image could not be downloaded.
        public static let fetchFailed = Kind(rawValue: "fetchFailed")
        /// The bytes are not an image format Syndicate knows (HTML, text, a truncated file).
        public static let notAnImage = Kind(rawValue: "notAnImage")
        /// The image library could not decode the bytes.
        public static let corrupt = Kind(rawValue: "corrupt")
        /// The image is over the network's size, pixel or format limits and could not be
        /// fitted (no image library, or it could not get under the limit).
        public static let tooLarge = Kind(rawValue: "tooLarge")
        /// The network fetches images itself and the image has no public `http(s)` URL.
        public static let notPublic = Kind(rawValue: "notPublic")
        /// ``rawValue``.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public var kind: Kind
    /// The image: its URL, or the `file:` URL of a local file.
    public var image: URL
    /// What happened, naming the image.
    public var message: String
    /// What to do about it.
    public var fix: String
    /// Whether trying again later may succeed (a download that timed out or met a 5xx).
    public var isTransient: Bool

    /// Creates an error.
    public init(_ kind: Kind, image: URL, message: String, fix: String, isTransient: Bool = false) {
        self.kind = kind
        self.image = image
        self.message = message
        self.fix = fix
        self.isTransient = isTransient
    }

    /// How the image is named in messages, reports and dry runs: a file's path, else its URL
    /// without a user name or password and with its query shortened to `?…` (a signed or
    /// tokened image URL must not carry its credentials into logs).
    public static func name(of image: URL) -> String {
        if image.isFileURL { return image.path }
        guard var components = URLComponents(url: image, resolvingAgainstBaseURL: false) else { return "the image" }
        components.user = nil
        components.password = nil
        let hadQuery = components.percentEncodedQuery != nil
        components.percentEncodedQuery = nil
        components.fragment = nil
        return (components.string ?? "the image") + (hadQuery ? "?…" : "")
    }

    /// `<message>. Fix: <fix>`
    public var description: String { "\(message). Fix: \(fix)" }
    /// ``description``.
    public var errorDescription: String? { description }
}
