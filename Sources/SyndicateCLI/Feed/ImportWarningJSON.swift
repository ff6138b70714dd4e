import Foundation
import Syndicate

/// An ``ImportWarning`` as the CLI's JSON output writes it:
/// `{"kind": "skippedItem", "item": 2, "reference": "…", "message": "…"}`.
struct ImportWarningJSON: Encodable {
    var kind: String
    var input: String
    var item: Int?
    var reference: String?
    var message: String

    init(_ warning: ImportWarning) {
        kind = warning.kind.description
        input = warning.input
        item = warning.item
        reference = warning.reference
        message = warning.message
    }

    /// One line of JSON (sorted keys), for standard error.
    static func line(_ warning: ImportWarning) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["warning": ImportWarningJSON(warning)])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes each warning to standard error: one JSON object a line with `json`, else
    /// `syndicate: warning: <description>`.
    static func report(_ warnings: [ImportWarning], json: Bool) {
        guard !warnings.isEmpty else { return }
        let lines = warnings.map { json ? line($0) : "syndicate: warning: \($0)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
