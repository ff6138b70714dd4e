import Foundation
import Syndicate

/// The running counts of the feed corpus report and its worst disagreements by cause.
struct FeedTally {
    /// Fixtures with entries.
    var fixtures = 0
    /// Fixtures refused whole, by error kind and message shape.
    var refused: [String: [String]] = [:]
    /// Of those, fixtures whose every item was empty (nothing a post can hold), so nothing was left.
    var refusedEmptyItems = 0
    var titles = Count()
    var links = Count()
    var categories = Count()
    /// Disagreements by cause: examples (`path: expected ≠ got`).
    var causes: [String: [String]] = [:]

    /// Agreed and compared fields.
    struct Count {
        var agreed = 0
        var compared = 0
        var percent: Double { compared == 0 ? 100 : Double(agreed) * 100 / Double(compared) }
    }

    /// Counts every field of `fixture` as disagreeing, because the fixture was refused.
    mutating func refuse(_ fixture: FeedExpectation.Fixture, reason: String, emptyItems: Bool = false) {
        refused[reason, default: []].append(fixture.path)
        if emptyItems { refusedEmptyItems += 1 }
        compare(fixture, posts: [])
    }

    /// Compares each entry with the post at its position.
    mutating func compare(_ fixture: FeedExpectation.Fixture, posts: [Post?]) {
        for (index, entry) in fixture.entries.enumerated() {
            let post = index < posts.count ? posts[index] : nil
            let missing = post == nil ? "no post for the entry" : nil
            if let title = entry.title {
                let got = post.map { FeedFieldRules.collapsed($0.title) }
                record(\.titles, got == title, cause: missing ?? "title differs", fixture.path, title, got)
            }
            if let link = entry.link {
                let got = post?.url.map { FeedFieldRules.url($0.absoluteString) }
                let cause = missing ?? (got == nil ? "link missing" : "link differs")
                record(\.links, got == FeedFieldRules.url(link), cause: cause, fixture.path, link, got)
            }
            let expected = FeedFieldRules.categories(entry.categories)
            let got = FeedFieldRules.categories(post?.tags ?? [])
            if !expected.isEmpty || !got.isEmpty {
                let cause =
                    missing
                    ?? (Set(expected) == Set(got) ? "categories in another order" : "categories differ")
                record(
                    \.categories, got == expected, cause: cause, fixture.path,
                    expected.joined(separator: " | "), got.joined(separator: " | "))
            }
        }
    }

    private mutating func record(
        _ field: WritableKeyPath<FeedTally, Count>, _ agreed: Bool, cause: String, _ path: String,
        _ expected: String, _ got: String?
    ) {
        self[keyPath: field].compared += 1
        if agreed {
            self[keyPath: field].agreed += 1
        } else {
            causes[cause, default: []].append("\(path): expected \"\(expected)\", got \(got.map { "\"\($0)\"" } ?? "nothing")")
        }
    }

    /// The message with numbers and quoted names replaced, so that like errors group together.
    static func shape(of message: String) -> String {
        let cut = message.prefix(90)
        return String(cut.map { $0.isNumber ? "#" : $0 })
    }

    /// The report: figures, refusals by reason, then the disagreements by cause, largest first.
    func section() -> CorpusSection {
        let all = Count(
            agreed: titles.agreed + links.agreed + categories.agreed,
            compared: titles.compared + links.compared + categories.compared)
        let refusedCount = refused.values.reduce(0) { $0 + $1.count }
        func line(_ name: String, _ count: Count) -> String {
            "\(name) \(count.agreed) of \(count.compared) agree (\(String(format: "%.1f", count.percent)) %)"
        }
        var lines = [
            "fixtures with entries \(fixtures); refused whole \(refusedCount) (\(refusedEmptyItems) because every item was empty, \(refusedCount - refusedEmptyItems) for another reason; none for one bad item among good ones); crashes 0",
            line("fields", all), line("titles", titles), line("links", links), line("categories", categories),
        ]
        for (reason, paths) in refused.sorted(by: { $0.value.count > $1.value.count }) {
            lines.append("refused \(paths.count): \(reason) — e.g. \(paths.prefix(ProcessInfo.processInfo.environment["FEED_CORPUS_ALL"] == nil ? 3 : .max).joined(separator: ", "))")
        }
        for (cause, examples) in causes.sorted(by: { $0.value.count > $1.value.count }) {
            lines.append("\(cause): \(examples.count)")
            lines += examples.prefix(ProcessInfo.processInfo.environment["FEED_CORPUS_ALL"] == nil ? 5 : .max).map { "  " + $0 }
        }
        return CorpusSection(
            title: "feedparser fixtures", lines: lines,
            figures: [
                "fixtures": Double(fixtures), "refusedWhole": Double(refusedCount),
                "refusedEmptyItems": Double(refusedEmptyItems),
                "fieldAgreement": all.percent, "titleAgreement": titles.percent,
                "linkAgreement": links.percent, "categoryAgreement": categories.percent,
            ])
    }
}
