import Foundation

/// Threads' length unit: grapheme clusters, except that an emoji counts its UTF-8 bytes.
///
/// See ``NetworkRule/threads`` for the precise definition of an emoji cluster.
enum ThreadsLength {
    /// The Threads length of `text`.
    static func count(_ text: String) -> Int {
        var length = 0
        for cluster in text {
            length += isEmoji(cluster) ? cluster.utf8.count : 1
        }
        return length
    }

    /// Whether `cluster` shows as an emoji: it holds an Emoji_Presentation code point, or an
    /// Emoji code point together with the emoji variation selector U+FE0F.
    static func isEmoji(_ cluster: Character) -> Bool {
        var hasEmoji = false
        var hasVariationSelector = false
        for scalar in cluster.unicodeScalars {
            if scalar.value < 0x23 { continue }  // fast path: ASCII controls, space, !, "
            let properties = scalar.properties
            if properties.isEmojiPresentation { return true }
            if scalar.value == 0xFE0F { hasVariationSelector = true }
            if properties.isEmoji { hasEmoji = true }
        }
        return hasEmoji && hasVariationSelector
    }
}
