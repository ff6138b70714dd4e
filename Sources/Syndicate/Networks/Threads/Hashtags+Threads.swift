import Foundation

extension Hashtags {
    /// The longest Threads topic tag, in characters.
    public static let maximumTopicTagLength = 50

    /// The Threads `topic_tag` for a tag or category.
    ///
    /// Threads allows 1–50 characters without `.` or `&` (and no line breaks). Spaces are only
    /// reportedly accepted, so the topic is the CamelCase ``hashtag(from:)`` form
    /// (`Early Years` → `EarlyYears`), which satisfies every stated rule.
    ///
    /// - Parameter tag: A category or tag as the site writes it.
    /// - Returns: The topic tag, or nil when ``hashtag(from:)`` gives none or it is longer than
    ///   ``maximumTopicTagLength`` characters.
    public static func threadsTopicTag(from tag: String) -> String? {
        guard let word = hashtag(from: tag), word.count <= maximumTopicTagLength else { return nil }
        return word
    }
}
