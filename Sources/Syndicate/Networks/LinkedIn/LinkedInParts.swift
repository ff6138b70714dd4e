import Foundation

/// LinkedIn's `commentary` (little-text format) and article card.
///
/// Little text reserves `\ | { } @ [ ] ( ) < > # * _ ~`: each is backslash-escaped wherever it
/// appears, URLs included (LinkedIn un-escapes before it links them), because an unescaped one
/// silently truncates the post. Hashtags Syndicate adds are written as little-text hashtag
/// templates, `{hashtag|\#|Ofsted}`, which LinkedIn shows as `#Ofsted` and links as a hashtag;
/// a `#` in the article's own text is escaped like any other reserved character. The payload's
/// `text` is the plain reading (`#Ofsted`); `commentary` is what is sent and what is counted.
/// The article card's title and description are plain text fields and are not escaped.
enum LinkedInParts {
    /// The reserved characters of little text.
    static let reserved: Set<Character> = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"]

    /// `text` with every reserved character backslash-escaped.
    static func escape(_ text: String) -> String {
        // Every reserved character is one ASCII scalar: text without those bytes has none,
        // found without hashing a `Character` for each.
        guard text.utf8.contains(where: isReservedByte), text.contains(where: { reserved.contains($0) }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if reserved.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether `byte` is the ASCII byte of one of the ``reserved`` characters.
    static func isReservedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x7C, 0x7B, 0x7D, 0x40, 0x5B, 0x5D, 0x28, 0x29, 0x3C, 0x3E, 0x23, 0x2A, 0x5F, 0x7E: true
        default: false
        }
    }

    /// The little-text hashtag template for `tag` (a word without `#`).
    static func hashtag(_ tag: String) -> String {
        "{hashtag|\\#|" + escape(tag) + "}"
    }

    /// The article card: the tracked link, the headline and a description, not escaped.
    static func article(post: Post, link: URL, description: String) -> SharePayload.Article {
        SharePayload.Article(
            source: link, title: Whitespace.collapse(post.title), description: description,
            thumbnailURL: post.images.first?.url)
    }
}
