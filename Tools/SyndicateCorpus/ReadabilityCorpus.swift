import Foundation

/// Measures the HTML importer on `corpora/readability/` against Mozilla Readability's reading.
public enum ReadabilityCorpus {
    /// Reads every page below `corpora/readability/` and compares title, byline and body words.
    public static func report(corpora: URL) -> CorpusSection {
        CorpusSection(title: "Readability pages", lines: ["not measured yet"])
    }
}
