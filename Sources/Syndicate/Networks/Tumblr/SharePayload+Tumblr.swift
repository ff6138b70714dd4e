import Foundation

extension PayloadField where Value == SharePayload.LinkBlock {
    /// Tumblr: the NPF link block that follows the text (`linkBlock`).
    static var tumblrLinkBlock: PayloadField { PayloadField("linkBlock") }
}

extension SharePayload {
    /// Tumblr: the link card posted as an NPF `link` block after the text blocks; nil when the
    /// post has no URL.
    public var linkBlock: LinkBlock? {
        get { fields[.tumblrLinkBlock] }
        set { fields[.tumblrLinkBlock] = newValue }
    }

    /// A Tumblr NPF link block (`{"type":"link","url","title","description"}`), plain text.
    ///
    /// npf-spec.md "Content Block Type: Link": only `url` is required; when `title` or
    /// `description` is absent Tumblr may fetch the page's OpenGraph data instead, so an empty
    /// title or description is left out of the request rather than sent empty.
    public struct LinkBlock: Sendable, Equatable, Hashable, Encodable {
        /// The link's URL, tracked like the payload's link.
        public var url: URL
        /// The title of where the link goes (the post's headline).
        public var title: String
        /// The description of where the link goes (the card description).
        public var description: String

        /// Creates a link block.
        public init(url: URL, title: String, description: String) {
            self.url = url
            self.title = title
            self.description = description
        }
    }
}
