import Foundation

/// Threads' `topic_tag` and `link_attachment`.
enum ThreadsParts {
    /// The longest topic tag Threads accepts.
    static let maximumTopicTagLength = 50

    /// The topic tag for the first of `hashtags`: at most 50 characters, without `.` or `&`;
    /// nil when there is none.
    static func topicTag(from hashtags: [String]) -> String? {
        for tag in hashtags {
            let cleaned = String(tag.filter { $0 != "." && $0 != "&" && !$0.isNewline }.prefix(maximumTopicTagLength))
            if !cleaned.isEmpty { return cleaned }
        }
        return nil
    }
}
