/// One part of the corpus report: a heading, the figures as lines, and the figures by name for
/// tests that hold them as floors.
public struct CorpusSection: Sendable {
    /// What was measured, e.g. "Readability pages".
    public var title: String
    /// The report's lines, figures first, then the worst cases.
    public var lines: [String]
    /// Named figures (e.g. `titles`, `meanF1`), for tests that hold them as floors.
    public var figures: [String: Double]

    /// Creates a section.
    public init(title: String, lines: [String], figures: [String: Double] = [:]) {
        self.title = title
        self.lines = lines
        self.figures = figures
    }

    /// The section as printed: a heading line, then each line indented.
    public var text: String {
        ([title] + lines.map { "  " + $0 }).joined(separator: "\n")
    }
}
