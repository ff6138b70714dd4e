import Foundation
import SyndicateTestSupport
import Testing

/// The library speaks the library's language: no string literal in Sources/Syndicate (the
/// core) or Sources/SyndicateLedger names a command-line flag (`--format`), a `syndicate …`
/// command or a backticked CLI command. Comments, doc comments included, may.
@Suite struct LibraryLanguageTests {
    /// One string literal's text (interpolations included as written) and where it starts.
    struct Literal: Equatable {
        var text: String
        var line: Int
    }

    /// The commands of the `syndicate` tool, which a backticked span must not start with.
    static let commands: Set<String> = [
        "count", "facets", "feed", "inspect", "ledger", "meta", "post", "preview", "share-links",
    ]

    /// The string literals of Swift `source`, with comments skipped: `"…"`, `"""…"""` and raw
    /// strings (`#"…"#`).
    static func literals(in source: String) -> [Literal] {
        let characters = Array(source)
        var literals: [Literal] = []
        var index = 0
        var line = 1
        func at(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                line += 1
                index += 1
            } else if character == "/", at(1) == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/", at(1) == "*" {
                var depth = 0
                repeat {
                    if characters[index] == "/", at(1) == "*" {
                        depth += 1
                        index += 2
                    } else if characters[index] == "*", at(1) == "/" {
                        depth -= 1
                        index += 2
                    } else {
                        if characters[index] == "\n" { line += 1 }
                        index += 1
                    }
                } while depth > 0 && index < characters.count
            } else if character == "#" || character == "\"" {
                var hashes = 0
                while at(hashes) == "#" { hashes += 1 }
                guard at(hashes) == "\"" else {
                    index += max(hashes, 1)
                    continue
                }
                index += hashes
                let multiline = at(1) == "\"" && at(2) == "\""
                index += multiline ? 3 : 1
                let delimiter = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
                let start = line
                var text = ""
                while index < characters.count {
                    if characters[index] == "\\" && hashes == 0, index + 1 < characters.count {
                        text.append(characters[index])
                        text.append(characters[index + 1])
                        if characters[index + 1] == "\n" { line += 1 }
                        index += 2
                        continue
                    }
                    if String(characters[index..<min(index + delimiter.count, characters.count)]) == delimiter {
                        index += delimiter.count
                        break
                    }
                    if characters[index] == "\n" { line += 1 }
                    text.append(characters[index])
                    index += 1
                }
                literals.append(Literal(text: text, line: start))
            } else {
                index += 1
            }
        }
        return literals
    }

    /// What in `text` speaks the command line's language, empty when nothing does.
    static func cliTerms(in text: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == "`" || $0 == "'" })
        for word in words where word.hasPrefix("--") {
            if let letter = word.dropFirst(2).first, letter.isLetter { found.append(String(word)) }
        }
        var rest = Substring(text)
        while let range = rest.range(of: "syndicate ") {
            if let next = rest[range.upperBound...].first, next.isLetter { found.append("syndicate \(next)…") }
            rest = rest[range.upperBound...]
        }
        let spans = text.split(separator: "`", omittingEmptySubsequences: false)
        for (number, span) in spans.enumerated() where number % 2 == 1 {
            if let first = span.split(separator: " ").first, commands.contains(String(first)) { found.append("`\(span)`") }
        }
        return found
    }

    @Test func theScannerSeesLiteralsAndSkipsComments() {
        let source = """
            /// Run `syndicate feed --mark-seen`.
            // --format html
            /* --since */ let a = "use --format html"
            let b = \"\"\"
                then `ledger forget` it
                \"\"\"
            let c = #"run "syndicate post""#
            let d = "a -- b, 2026-01-01, --, x--y"
            """
        let literals = Self.literals(in: source)
        #expect(literals.map(\.line) == [3, 4, 7, 8])
        #expect(literals.map { Self.cliTerms(in: $0.text) } == [["--format"], ["`ledger forget`"], ["syndicate p…"], []])
    }

    /// The Swift files under `folder` (relative to the repository root), sorted.
    static func swiftFiles(under folder: String) throws -> [URL] {
        let root = Fixtures.repositoryRoot.appendingPathComponent(folder)
        return try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: ["Sources/Syndicate", "Sources/SyndicateLedger"])
    func theLibraryNamesNoCommandLineFlagOrCommand(folder: String) throws {
        let files = try Self.swiftFiles(under: folder)
        #expect(!files.isEmpty)
        #expect(folder != "Sources/Syndicate" || files.count > 100)
        var offences: [String] = []
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for literal in Self.literals(in: source) {
                let terms = Self.cliTerms(in: literal.text)
                if !terms.isEmpty {
                    let path = file.path.replacingOccurrences(of: Fixtures.repositoryRoot.path + "/", with: "")
                    offences.append("\(path):\(literal.line): \(terms.joined(separator: ", "))")
                }
            }
        }
        #expect(offences.isEmpty, "string literals that name the command line:\n\(offences.joined(separator: "\n"))")
    }
}
