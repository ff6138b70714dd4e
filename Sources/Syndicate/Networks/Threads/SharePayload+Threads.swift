import Foundation

extension PayloadField where Value == String {
    /// Threads: the one topic tag (`topicTag`).
    static var threadsTopicTag: PayloadField { PayloadField("topicTag") }
}

extension PayloadField where Value == URL {
    /// Threads: the `link_attachment` URL (`linkAttachment`).
    static var threadsLinkAttachment: PayloadField { PayloadField("linkAttachment") }
}

extension SharePayload {
    /// Threads: the one topic tag (`topic_tag`), without `#`.
    public var topicTag: String? {
        get { fields[.threadsTopicTag] }
        set { fields[.threadsTopicTag] = newValue }
    }

    /// Threads: the `link_attachment` URL.
    public var linkAttachment: URL? {
        get { fields[.threadsLinkAttachment] }
        set { fields[.threadsLinkAttachment] = newValue }
    }
}
