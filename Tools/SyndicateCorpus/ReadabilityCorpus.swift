import Foundation
import Syndicate

/// Measures the HTML importer on `corpora/readability/` against Mozilla Readability's reading.
public enum ReadabilityCorpus {
    /// One page's result.
    struct PageResult {
        var name: String
        var expectedTitle: String?
        var title: String?
        var expectedByline: String?
        var byline: String?
        var score: WordScore?
        var error: String?

        var titleMatches: Bool { expectedTitle != nil && expectedTitle == title }
        var bylineMatches: Bool { expectedByline != nil && expectedByline == byline }
    }

    /// Reads every page below `corpora/readability/` and compares title, byline and body words.
    public static func report(corpora: URL) -> CorpusSection {
        let folder = corpora.appendingPathComponent("readability", isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("source.html").path)
        }.sorted()
        let results = names.map { measure(name: $0, folder: folder.appendingPathComponent($0, isDirectory: true)) }
        return section(results)
    }

    static func measure(name: String, folder: URL) -> PageResult {
        var result = PageResult(name: name)
        if let data = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            result.expectedTitle = (object["title"] as? String).map(collapse).flatMap { $0.isEmpty ? nil : $0 }
            result.expectedByline = (object["byline"] as? String).map(collapse).flatMap { $0.isEmpty ? nil : $0 }
        }
        let reference = (try? String(contentsOf: folder.appendingPathComponent("expected.html"), encoding: .utf8))
            .map { HTMLText.paragraphs(fromHTML: $0).joined(separator: "\n") } ?? ""
        do {
            let data = try Data(contentsOf: folder.appendingPathComponent("source.html"))
            let post = try HTMLImporter().posts(from: data, context: ImportContext(inputName: name))[0]
            result.title = collapse(post.title)
            result.byline = post.author.map(collapse)
            result.score = WordScore(candidate: post.paragraphs.joined(separator: "\n"), reference: reference)
        } catch let error as ImportError {
            result.error = error.description
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    static func section(_ results: [PageResult]) -> CorpusSection {
        let titled = results.filter { $0.expectedTitle != nil }
        let bylined = results.filter { $0.expectedByline != nil }
        let titles = titled.filter(\.titleMatches).count
        let bylines = bylined.filter(\.bylineMatches).count
        let f1s = results.map { $0.score?.f1 ?? 0 }
        let meanF1 = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
        let refused = results.filter { $0.error != nil }
        var lines = [
            "titles \(titles) of \(titled.count)",
            "bylines \(bylines) of \(bylined.count)",
            "mean F1 " + format(meanF1) + ", min F1 " + format(f1s.min() ?? 0),
            "pages with F1 ≥ 0.8: \(f1s.filter { $0 >= 0.8 }.count) of \(results.count)",
            "refused \(refused.count)" + (refused.isEmpty ? "" : ":"),
        ]
        lines += refused.map { "  \($0.name): \($0.error ?? "")" }
        lines.append("worst pages:")
        for result in results.sorted(by: { ($0.score?.f1 ?? 0) < ($1.score?.f1 ?? 0) }).prefix(10) {
            var line = "  \(result.name): F1 " + format(result.score?.f1 ?? 0)
            if let score = result.score { line += " (P " + format(score.precision) + ", R " + format(score.recall) + ")" }
            if !result.titleMatches, let expected = result.expectedTitle {
                line += "; title \"\(result.title ?? "—")\" ≠ \"\(expected)\""
            }
            lines.append(line)
        }
        lines.append("title mismatches:")
        lines += titled.filter { !$0.titleMatches }.map { "  \($0.name): \"\($0.title ?? "—")\" ≠ \"\($0.expectedTitle ?? "")\"" }
        lines.append("byline mismatches:")
        lines += bylined.filter { !$0.bylineMatches }.map { "  \($0.name): \"\($0.byline ?? "—")\" ≠ \"\($0.expectedByline ?? "")\"" }
        return CorpusSection(
            title: "Readability pages", lines: lines,
            figures: [
                "pages": Double(results.count), "titles": Double(titles), "titlesTotal": Double(titled.count),
                "bylines": Double(bylines), "bylinesTotal": Double(bylined.count), "meanF1": meanF1,
                "minF1": f1s.min() ?? 0, "refused": Double(refused.count),
                "pagesAtLeast08": Double(f1s.filter { $0 >= 0.8 }.count),
            ])
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
