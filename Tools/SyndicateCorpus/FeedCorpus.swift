import Foundation

/// Measures the feed importers on `corpora/feedparser/` against feedparser's reading.
public enum FeedCorpus {
    /// Reads every fixture that `corpora/feedparser/expected.json` lists and compares entries.
    public static func report(corpora: URL) -> CorpusSection {
        CorpusSection(title: "feedparser fixtures", lines: ["not measured yet"])
    }
}
