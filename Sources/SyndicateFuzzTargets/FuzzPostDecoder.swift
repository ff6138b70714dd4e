import Foundation
import Syndicate

/// Builds a ``Post`` from arbitrary bytes, so that a fuzzer's mutations reach every field.
///
/// The first byte holds flags for the caller; the rest is split on NUL into fields, in order:
/// title, summary, body (paragraphs on line breaks), tags (on commas), URL, source name, image
/// URL. Missing fields are empty; every field goes through lossy UTF-8 decoding.
public enum FuzzPostDecoder {
    /// The post and the flag byte (0 when the input is empty).
    public static func post(from data: Data) -> (post: Post, flags: UInt8) {
        let flags = data.first ?? 0
        var fields = data.dropFirst().split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        while fields.count < 7 { fields.append("") }
        let url = URL(string: fields[4])
        let post = Post(
            id: url?.absoluteString ?? "fuzz-post",
            title: fields[0],
            url: url,
            summary: fields[1].isEmpty ? nil : fields[1],
            paragraphs: fields[2].split(whereSeparator: \.isNewline).map(String.init),
            tags: fields[3].split(separator: ",").map(String.init),
            images: URL(string: fields[6]).map { [Post.Image(url: $0, alt: fields[5])] } ?? [],
            source: fields[5].isEmpty ? nil : Post.Source(name: fields[5], url: url)
        )
        return (post, flags)
    }
}
