import Foundation

/// Golden-file comparison for JSON payloads and requests.
///
/// Goldens live in `Tests/<Target>/__Goldens__/<name>.json`. When the file is missing, or when
/// the environment has `SYNDICATE_RECORD_GOLDENS=1`, the actual value is written and the check
/// fails, so that every re-recording is a reviewed diff.
public enum Golden {
    /// Renders `value` as pretty, key-sorted JSON.
    public static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Compares `actual` with the golden `name` of `target`; returns a failure message or nil.
    public static func check(_ actual: String, named name: String, target: String) -> String? {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/\(target)/__Goldens__/\(name).json")
        let record = ProcessInfo.processInfo.environment["SYNDICATE_RECORD_GOLDENS"] == "1"
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if record || existing == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "Recorded golden \(url.path); review the diff and run the tests again without SYNDICATE_RECORD_GOLDENS."
        }
        guard existing == actual else {
            return "Golden \(name) differs from \(url.path). Expected:\n\(existing ?? "")\nActual:\n\(actual)\n"
                + "If the change is intended, re-record with SYNDICATE_RECORD_GOLDENS=1 swift test."
        }
        return nil
    }
}
