import Foundation
import Syndicate

/// The importers' advice in the command line's terms: the library names the ``ImportFormat``
/// to import with, the CLI user needs the `--format` value.
enum ImportAdvice {
    /// What the JSON importer points at, in the library's words.
    static let postJSONReference = "the JSON that encoding a Post writes"

    /// `message` with each `ImportFormat.<name>` written as `--format <name>`, and the JSON
    /// importer's reference as the command whose output it is.
    static func translating(_ message: String) -> String {
        var translated = message.replacingOccurrences(of: postJSONReference, with: "`syndicate inspect --json` output")
        // Longest first: `ImportFormat.json` is a prefix of `ImportFormat.jsonfeed`.
        for format in ImportFormat.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
            translated = translated.replacingOccurrences(of: "ImportFormat.\(format.rawValue)", with: "--format \(format.rawValue)")
        }
        return translated
    }
}
