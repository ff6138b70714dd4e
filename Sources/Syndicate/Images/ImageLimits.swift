import Foundation

/// What one network takes in images: how many per post, how large, which formats, how long an
/// alt text, and whether Syndicate uploads the bytes or the network fetches a public URL itself.
///
/// Each ``NetworkDefinition`` declares its own (``NetworkDefinition/imageLimits``); an
/// application may lower them per network with ``ImagePolicy``.
public struct ImageLimits: Sendable, Hashable {
    /// How an image reaches the network.
    public enum Transfer: String, Sendable, Hashable, Codable {
        /// Syndicate uploads the bytes (X, Mastodon, Bluesky, Facebook, LinkedIn, Telegram).
        case upload
        /// The network fetches the image's public `http(s)` URL itself (Threads, Discord and
        /// Slack embeds, Tumblr, webhooks): a local file cannot go, and no bytes are sent.
        case publicURL
    }

    /// The most images on one post (or one thread part).
    public var maximumCount: Int
    /// The largest file in bytes, nil when the network states none.
    public var maximumBytes: Int?
    /// The most pixels (width × height), nil when the network states none.
    public var maximumPixels: Int?
    /// The longest side in pixels, nil when the network states none.
    public var maximumSide: Int?
    /// The formats the network accepts.
    public var formats: Set<ImageFormat>
    /// The longest alt text, counted by ``altTextCounter``; nil when the network states no limit.
    public var altTextLimit: Int?
    /// How alt text is counted.
    public var altTextCounter: NetworkRule.Counter
    /// Whether the network has a place for alt text at all (Telegram and Discord embeds do not).
    public var carriesAltText: Bool
    /// Whether Syndicate uploads the bytes or sends the URL.
    public var transfer: Transfer

    /// Creates limits.
    public init(
        maximumCount: Int, maximumBytes: Int? = nil, maximumPixels: Int? = nil, maximumSide: Int? = nil,
        formats: Set<ImageFormat> = ImageFormat.common, altTextLimit: Int? = nil,
        altTextCounter: NetworkRule.Counter = .graphemes, carriesAltText: Bool = true, transfer: Transfer = .upload
    ) {
        self.maximumCount = max(0, maximumCount)
        self.maximumBytes = maximumBytes
        self.maximumPixels = maximumPixels
        self.maximumSide = maximumSide
        self.formats = formats
        self.altTextLimit = altTextLimit
        self.altTextCounter = altTextCounter
        self.carriesAltText = carriesAltText
        self.transfer = transfer
    }

    /// Whether an image of `bytes` bytes and `width` × `height` pixels (when known) is within
    /// the byte, pixel and side limits.
    public func admits(bytes: Int, width: Int?, height: Int?) -> Bool {
        if let maximumBytes, bytes > maximumBytes { return false }
        if let width, let height {
            if let maximumPixels, Self.pixelCount(width: width, height: height) > maximumPixels { return false }
            if let maximumSide, max(width, height) > maximumSide { return false }
        }
        return true
    }

    /// `width` × `height`, or `Int.max` when the product overflows (a header may claim
    /// 4,294,967,295 × 4,294,967,295).
    public static func pixelCount(width: Int, height: Int) -> Int {
        let (product, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? Int.max : product
    }

    /// The limits as a phrase for messages: "4 images of at most 1,000,000 bytes".
    public var summary: String {
        var parts: [String] = []
        if let maximumBytes { parts.append("\(maximumBytes.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) bytes") }
        if let maximumPixels { parts.append("\(maximumPixels.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) pixels") }
        if let maximumSide { parts.append("\(maximumSide) pixels a side") }
        return parts.isEmpty ? "no stated size limit" : "at most " + parts.joined(separator: ", ")
    }
}
