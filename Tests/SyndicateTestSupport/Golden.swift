import Foundation
import Testing

/// Golden-file comparison for JSON payloads, requests and command output.
///
/// Goldens live in `Tests/<Target>/__Goldens__/<name>.json` (or another extension, such as
/// `.html` for preview pages). When the file is missing, or when
/// the environment has `SYNDICATE_RECORD_GOLDENS=1`, the actual value is written and the check
/// fails, so that every re-recording is a reviewed diff.
public enum Golden {
    /// Whether this run re-records goldens (`SYNDICATE_RECORD_GOLDENS=1`).
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["SYNDICATE_RECORD_GOLDENS"] == "1"
    }

    /// Renders `value` as pretty, key-sorted JSON.
    public static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Compares `actual` with the golden `name` of `target` (the file `name.<fileExtension>`);
    /// returns a failure message (with a line diff of the golden and `actual`) or nil.
    public static func check(_ actual: String, named name: String, target: String, fileExtension: String = "json") -> String? {
        // Local image files are named by absolute paths, which differ between checkouts.
        let actual = actual.replacingOccurrences(of: Fixtures.repositoryRoot.path, with: "<repository>")
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/\(target)/__Goldens__/\(name).\(fileExtension)")
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if isRecording || existing == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "Recorded golden \(url.path); review the diff and run the tests again without SYNDICATE_RECORD_GOLDENS."
        }
        guard existing == actual else {
            return "Golden \(name) differs from \(url.path) (- golden, + actual):\n"
                + lineDiff(expected: existing ?? "", actual: actual)
                + "If the change is intended, re-record with SYNDICATE_RECORD_GOLDENS=1 swift test."
        }
        return nil
    }

    /// A line diff of `expected` and `actual`: each line of the longest common run of lines
    /// prefixed with two spaces, each line only `expected` has with `- `, each only `actual` has
    /// with `+ `; runs of more than `context` unchanged lines on either side of a change are
    /// shortened to `  …`. Ends with a newline. Empty when the two are equal.
    public static func lineDiff(expected: String, actual: String, context: Int = 3) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [(changed: Bool, text: String)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                lines.append((true, "- \(old[i])"))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                lines.append((true, "+ \(new[j])"))
                j += 1
            } else {
                lines.append((false, "  \(old[i])"))
                i += 1
                j += 1
            }
        }
        guard lines.contains(where: \.changed) else { return "" }
        let changed = lines.indices.filter { lines[$0].changed }
        var output = ""
        var elided = false
        for index in lines.indices {
            let near = changed.contains { abs($0 - index) <= context }
            if near {
                output += lines[index].text + "\n"
                elided = false
            } else if !elided {
                output += "  …\n"
                elided = true
            }
        }
        return output
    }
}

/// Compares `actual` with the golden `name` of `target` (see ``Golden``; the file
/// `name.<fileExtension>`, `.json` unless given) and, when they differ (or the golden was just
/// recorded), records an issue at the caller's file and line whose comment is the line diff.
public func assertGolden(
    _ actual: String, named name: String, target: String, fileExtension: String = "json",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if let failure = Golden.check(actual, named: name, target: target, fileExtension: fileExtension) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}
