import Foundation
import Syndicate
import SyndicateImport

/// Measures the feed importers on `corpora/feedparser/` against feedparser's reading.
///
/// For each fixture of `expected.json` with entries, the fixture is imported as a user would
/// (format sniffed from its content, ``PostImporter/importResult(from:context:)``, with the
/// `Content-Type` charset and `Content-Location` its `Header:` comment lines give) and its posts
/// are aligned with feedparser's entries by document position: the reader's warnings name the
/// items it skipped, so post *k* is matched with the *k*-th item that was not skipped, and a
/// skipped item's entry counts as disagreeing on every field it has. Compared per entry: the
/// title (when feedparser has one), the link (when feedparser has an absolute one), and the
/// categories (when either side has any). A fixture refused whole disagrees on all its fields.
public enum FeedCorpus {
    /// Reads every fixture that `corpora/feedparser/expected.json` lists and compares entries.
    public static func report(corpora: URL) -> CorpusSection {
        let folder = corpora.appendingPathComponent("feedparser", isDirectory: true)
        let expectation: FeedExpectation
        do {
            expectation = try JSONDecoder().decode(
                FeedExpectation.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        } catch {
            return CorpusSection(title: "feedparser fixtures", lines: ["expected.json unreadable: \(error)"])
        }
        var tally = FeedTally()
        for fixture in expectation.fixtures where !fixture.entries.isEmpty {
            tally.fixtures += 1
            let url = folder.appendingPathComponent(fixture.path)
            guard let data = try? Data(contentsOf: url) else {
                tally.refuse(fixture, reason: "unreadable fixture")
                continue
            }
            let context = FeedFixtureHeaders.context(for: fixture.path, data: data)
            let format = ImportFormat.sniff(data, fileName: fixture.path)
            do {
                let result = try PostImport.importer(for: format).importResult(from: data, context: context)
                tally.compare(fixture, posts: aligned(result, count: fixture.entries.count))
            } catch {
                let emptyItems = error.kind == .missingField && error.message.contains(" is empty: no title")
                tally.refuse(fixture, reason: "\(error.kind): \(FeedTally.shape(of: error.message))", emptyItems: emptyItems)
            }
        }
        return tally.section()
    }

    /// The posts at each item position (1-based order), nil where the reader skipped the item.
    static func aligned(_ result: ImportResult, count: Int) -> [Post?] {
        let skipped = Set(result.warnings.filter { $0.kind == .skippedItem }.compactMap(\.item))
        var posts = result.posts.makeIterator()
        var slots: [Post?] = []
        var position = 1
        while slots.count < max(count, result.posts.count + skipped.count) {
            slots.append(skipped.contains(position) ? nil : posts.next())
            position += 1
        }
        return slots
    }
}
