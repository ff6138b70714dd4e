import Foundation
import Syndicate

/// What every imported ``Post`` must satisfy, whatever bytes it came from.
enum PostInvariants {
    /// Checks `post` as importer output for `target`.
    ///
    /// - An id, and a title or a body (importers reject an item with neither).
    /// - Title and paragraphs are plain text with whitespace normalised: no empty paragraph,
    ///   nothing leading or trailing, no line break in the title.
    /// - The post survives its own JSON form: encoding never throws and decoding gives back
    ///   the same id, title, paragraphs and tags.
    static func check(_ post: Post, target: String) throws(FuzzFinding) {
        try expect(!post.id.isEmpty, target, "a post with an empty id (title \(quoted(post.title)))")
        try expect(
            !post.title.isEmpty || !post.paragraphs.isEmpty, target,
            "post \(quoted(post.id)) has neither a title nor a body")
        try expect(isTrimmed(post.title), target, "title \(quoted(post.title)) is not trimmed")
        try expect(
            !post.title.contains(where: \.isNewline), target, "title \(quoted(post.title)) holds a line break")
        for (index, paragraph) in post.paragraphs.enumerated() {
            try expect(!paragraph.isEmpty, target, "paragraph \(index) of \(quoted(post.id)) is empty")
            try expect(isTrimmed(paragraph), target, "paragraph \(index) \(quoted(paragraph)) is not trimmed")
        }
        try checkRoundTrip(post, target: target)
    }

    private static func checkRoundTrip(_ post: Post, target: String) throws(FuzzFinding) {
        let data: Data
        do {
            data = try JSONEncoder().encode(post)
        } catch {
            throw FuzzFinding(target: target, message: "post \(quoted(post.id)) does not encode: \(error)")
        }
        let decoded: Post
        do {
            decoded = try JSONDecoder().decode(Post.self, from: data)
        } catch {
            throw FuzzFinding(
                target: target,
                message: "post \(quoted(post.id)) does not decode from its own JSON: \(error)")
        }
        try expect(
            decoded.id == post.id && decoded.title == post.title && decoded.paragraphs == post.paragraphs
                && decoded.tags == post.tags,
            target, "post \(quoted(post.id)) changes through its JSON form")
    }

    private static func isTrimmed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        return !first.properties.isWhitespace && !last.properties.isWhitespace
    }
}

/// `text` in quotes, cut to 80 characters, for finding messages.
func quoted(_ text: String) -> String {
    let cut = text.count > 80 ? String(text.prefix(80)) + "…" : text
    return "\"\(cut.debugDescription.dropFirst().dropLast())\""
}
