import Foundation

/// How long a text is for one network, and whether the network accepts it.
///
/// ``length`` is in the network's own unit (see ``NetworkRule/Unit``); ``bytes`` and
/// ``graphemes`` are given for every network so that callers can show them side by side.
public struct TextMeasurement: Sendable, Hashable {
    /// Something worth telling the user that is not (only) the main limit.
    public enum Warning: Sendable, Hashable, CustomStringConvertible {
        /// The text passes the hard limit but is longer than the length the network (or good
        /// practice) recommends; Slack truncates or folds messages over 4,000 characters.
        case softLimitExceeded(length: Int, softLimit: Int)
        /// The text is longer in UTF-8 bytes than the network allows, whatever its length in
        /// the main unit (Bluesky: 3,000 bytes besides 300 graphemes).
        case byteLimitExceeded(bytes: Int, byteLimit: Int)

        /// One sentence naming the figure and the threshold.
        public var description: String {
            switch self {
            case .softLimitExceeded(let length, let softLimit):
                "longer than the recommended \(softLimit) characters (\(length)); readers may see it folded or truncated"
            case .byteLimitExceeded(let bytes, let byteLimit):
                "over the limit of \(byteLimit) UTF-8 bytes (\(bytes)); shorten it or use fewer emoji and non-Latin letters"
            }
        }
    }

    /// The network the text was measured for.
    public var network: SocialNetwork
    /// The length in the network's own unit (X: twitter-text's weighted length).
    public var length: Int
    /// The most the network accepts, in the same unit as ``length``.
    public var limit: Int
    /// Whether the network accepts the text: within ``limit`` and every other hard cap.
    public var isValid: Bool
    /// The length of the text's UTF-8 encoding.
    public var bytes: Int
    /// The number of extended grapheme clusters (what a reader sees as characters).
    public var graphemes: Int
    /// Remarks beyond the main limit; a hard one (a byte cap) also makes ``isValid`` false.
    public var warnings: [Warning]

    /// `limit - length`: negative when the text is too long in the main unit.
    ///
    /// A Bluesky text can have room left here and still be invalid because of its bytes; see
    /// ``warnings``.
    public var remaining: Int { limit - length }

    /// Creates a measurement.
    public init(
        network: SocialNetwork, length: Int, limit: Int, isValid: Bool, bytes: Int, graphemes: Int,
        warnings: [Warning] = []
    ) {
        self.network = network
        self.length = length
        self.limit = limit
        self.isValid = isValid
        self.bytes = bytes
        self.graphemes = graphemes
        self.warnings = warnings
    }
}
