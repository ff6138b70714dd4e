import Foundation
import Syndicate

/// Renders posts for the terminal or as JSON.
enum PostPrinter {
    /// A JSON array of posts in their Codable form, pretty-printed with sorted keys.
    static func json(_ posts: [Post]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(posts), as: UTF8.self)
    }

    /// A readable summary of each post.
    static func human(_ posts: [Post]) -> String {
        var output = ""
        for (number, post) in posts.enumerated() {
            if posts.count > 1 { output += "Post \(number + 1) of \(posts.count)\n" }
            func line(_ label: String, _ value: String?) {
                output += "  \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value ?? "—")\n"
            }
            line("title", post.title)
            line("id", post.id)
            line("url", post.url?.absoluteString)
            line("author", post.author)
            line("published", post.published.map { $0.formatted(.iso8601) })
            line("updated", post.updated.map { $0.formatted(.iso8601) })
            line("tags", post.tags.isEmpty ? nil : post.tags.joined(separator: ", "))
            line("source", post.source.map { [$0.name, $0.url?.absoluteString].compactMap { $0 }.joined(separator: " ") })
            line("language", post.language)
            line("summary", post.summary)
            for image in post.images {
                line("image", [image.url.absoluteString, image.alt.map { "“\($0)”" }].compactMap { $0 }.joined(separator: " "))
            }
            line("body", "\(post.paragraphs.count) paragraphs, \(post.sentences.count) sentences")
            for paragraph in post.paragraphs {
                output += "    \(paragraph)\n"
            }
            output += "\n"
        }
        return output
    }
}
