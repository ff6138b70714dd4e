import Foundation

/// Tumblr's blog identifier, NPF request body and post address.
///
/// Sources (researched in tumblr-api.md): the Tumblr API doc `api.md` (tumblr/docs) and the
/// NPF spec `npf-spec.md` (https://www.tumblr.com/docs/npf).
enum TumblrParts {
    /// The most Unicode code points one NPF text block holds (npf-spec.md "Post Content Limits").
    static let textBlockLimit = 4096

    /// The blog identifier from a `BLOG` setting, or nil when it is not one.
    ///
    /// api.md "Blog Identifiers": a blog name (`staff`), a hostname (`staff.tumblr.com`, a custom
    /// domain) or a UUID (`t:0aY0xL2Fi1OFJg4YxpmegQ`). A blog URL is accepted too and reduced to
    /// its hostname, except `https://www.tumblr.com/{name}`, which is reduced to the name (the doc
    /// says hostnames exclude `www.tumblr.com`).
    static func blogIdentifier(_ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("://") || text.lowercased().hasPrefix("www.tumblr.com/") {
            guard let url = URL(string: text.contains("://") ? text : "https://" + text), let host = url.host?.lowercased() else {
                return nil
            }
            if host == "www.tumblr.com" || host == "tumblr.com" {
                // `www.tumblr.com/{name}`, also as the dashboard's `/blog/view/{name}` or `/blog/{name}`.
                var segments = url.path.split(separator: "/").map(String.init)
                if segments.count > 1, segments[0] == "blog" { segments.removeFirst() }
                if segments.count > 1, segments[0] == "view" { segments.removeFirst() }
                guard let name = segments.first else { return nil }
                text = name
            } else {
                text = host
            }
        }
        while text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty, text.count <= 255, !text.hasPrefix("."), !text.hasSuffix("."),
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
                || isUUID(text)
        else { return nil }
        return text
    }

    /// Whether `identifier` is a blog UUID (`t:` and URL-safe base64; the 22-character length is a
    /// community observation, not documented, so any length is accepted).
    static func isUUID(_ identifier: String) -> Bool {
        guard identifier.hasPrefix("t:"), identifier.count > 2 else { return false }
        return identifier.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The post's address, or nil for a blog named by its UUID.
    ///
    /// The create answer carries only the id (api.md: "The response JSON object will contain the
    /// `id` of the created post"), so the address is built in the long-standing permalink form
    /// `https://{name}.tumblr.com/post/{id}` (api.md's oEmbed note: "post URLs in the format
    /// `https://*.tumblr.com/post/*`"), or `https://{host}/post/{id}` for a hostname. That form
    /// is INFERRED, not documented for this answer; a UUID names no host, so no address is made.
    static func postURL(blog: String, id: String) -> URL? {
        guard !isUUID(blog), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let host = blog.contains(".") ? blog.lowercased() : "\(blog.lowercased()).tumblr.com"
        return URL(string: "https://\(host)/post/\(id)")
    }

    /// The `tags` value: the tags comma-joined (api.md: "A comma-separated list of tags"), each
    /// without commas (the list is split on them) and trimmed, empty ones left out.
    static func tags(_ tags: [String]) -> String {
        tags.map { $0.replacingOccurrences(of: ",", with: " ").trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .joined(separator: ",")
    }

    /// The paragraphs of `text`: split at blank lines, trimmed, empty ones left out.
    ///
    /// npf-spec.md: "A text block represents a single paragraph of text." A single line break
    /// inside a paragraph is kept as it is (how Tumblr shows it is UNVERIFIED).
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func flush() {
            let paragraph = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current = []
        }
        // On line breaks of every kind: "\r\n" is one Character, never equal to "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { current.append(line) }
        }
        flush()
        return paragraphs
    }

    /// One NPF content block: `text` (npf-spec.md "Content Block Type: Text"), `link`
    /// ("Content Block Type: Link") or `image` ("Content Block Type: Image"); absent fields are
    /// left out.
    struct Block: Encodable, Equatable {
        /// An image's media object (npf-spec.md "Media Objects"): `url` is the one required
        /// field; `type` is left out ("a best approximation will be made based on the given
        /// URL"), `width` and `height` are sent when the post knows them.
        struct Media: Encodable, Equatable {
            var url: String
            var width: Int?
            var height: Int?
        }

        var type: String
        var text: String?
        var url: String?
        var title: String?
        var description: String?
        var media: [Media]?
        var alt_text: String?

        /// An image block of one public image, with its alt text when it has one.
        static func image(_ url: URL, alt: String, width: Int?, height: Int?) -> Block {
            Block(type: "image", media: [Media(url: url.absoluteString, width: width, height: height)], alt_text: alt.isEmpty ? nil : alt)
        }

        /// A text block of one paragraph.
        static func text(_ text: String) -> Block { Block(type: "text", text: text) }

        /// A link block; an empty title or description is left out (Tumblr may then fill it in
        /// from the page's OpenGraph data).
        static func link(_ link: SharePayload.LinkBlock) -> Block {
            Block(
                type: "link", url: link.url.absoluteString, title: link.title.isEmpty ? nil : link.title,
                description: link.description.isEmpty ? nil : link.description)
        }
    }

    /// The JSON body of `POST /v2/blog/{blog}/posts` (api.md "Create/Reblog a Post (Neue Post
    /// Format)", Request Parameters).
    struct PostBody: Encodable, Equatable {
        /// The NPF blocks: the image blocks, one text block per paragraph, then the link block.
        var content: [Block]
        /// `published`: "publicly published immediately" (api.md "Note about Post States").
        var state = "published"
        /// The tags, comma-separated: the docs type `tags` as a String, and every official
        /// client joins an array before sending (whether an array is accepted is UNVERIFIED).
        var tags: String?
        /// "A source attribution for the post content": the post's link.
        var source_url: String?
    }

    /// The body posting `payload`: an image block per public image (first, as Tumblr shows a
    /// photo post), its text's paragraphs as text blocks, its link block (or a bare one for its
    /// link), its hashtags as tags and its link as the source.
    static func body(for payload: SharePayload, images: [(url: URL, alt: String)] = []) -> PostBody {
        var content = images.map { image in
            let known = payload.images.first { $0.url == image.url }
            return Block.image(image.url, alt: image.alt, width: known?.width, height: known?.height)
        }
        content += paragraphs(payload.text).map(Block.text)
        if let block = payload.linkBlock ?? payload.link.map({ SharePayload.LinkBlock(url: $0, title: "", description: "") }) {
            content.append(.link(block))
        }
        let tags = tags(payload.hashtags)
        return PostBody(content: content, tags: tags.isEmpty ? nil : tags, source_url: payload.link?.absoluteString)
    }
}
