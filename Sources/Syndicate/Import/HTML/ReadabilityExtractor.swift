import Foundation

/// Mozilla Readability's article extraction, ported: passes of ``ReadabilityGrabber`` and
/// ``ReadabilityCleaner`` over a fresh ``ReadabilityDOM``, retried with looser flags (first
/// keeping unlikely candidates, then ignoring class weights, then skipping the conditional
/// cleaning) while the article has fewer than 500 characters. When no pass reaches that, a
/// short page is read by the strictest pass with ``HTMLElementFilter``'s page furniture
/// stripped too (the looser passes add navigation and comments back); failing that, by
/// Readability's longest attempt, unless all of the page's text is furniture.
struct ReadabilityExtractor {
    /// What a pass found.
    struct Article {
        /// The article's HTML: a `<div>` holding what Readability keeps.
        var html: String
        /// Characters of text in the article, whitespace runs counted once.
        var textLength: Int
        /// The byline found in the page's markup (an element whose class, `rel` or `itemprop`
        /// names the author), when the metadata gave none.
        var byline: String?
    }

    /// Readability's `DEFAULT_CHAR_THRESHOLD`.
    static let characterThreshold = 500

    /// The article of `tree`, or nil when no pass found any text. `title` is the metadata's
    /// title (a heading repeating it is dropped); `bylineKnown` stops the search for a byline
    /// element, which is then left in the text.
    static func extract(
        from tree: HTMLTree, title: String?, bylineKnown: Bool, filter: HTMLElementFilter? = nil,
        hasTextOutsideFurniture: Bool = true
    ) -> Article? {
        var byline: String?
        var attempts: [Article] = []
        for flags in ReadabilityGrabber.Flags.loosening {
            let result = attempt(tree, flags: flags, title: title, byline: &byline, bylineKnown: bylineKnown)
            if result.textLength >= characterThreshold { return result }
            attempts.append(result)
        }
        // A short page: the strictest pass that finds any text once page furniture is stripped
        // too, with its own byline (never one a looser pass found among comments).
        if let filter {
            for flags in ReadabilityGrabber.Flags.loosening {
                var strictByline: String?
                let result = attempt(
                    tree, flags: flags, title: title, byline: &strictByline, bylineKnown: bylineKnown,
                    isFurniture: filter.skipsInText)
                if result.textLength > 0 { return result }
            }
        }
        // Else Readability's longest attempt, unless all of the page's text is furniture
        // (navigation, headers, footers, boilerplate): an index or login page has no article.
        guard hasTextOutsideFurniture, let longest = attempts.max(by: { $0.textLength < $1.textLength }),
            longest.textLength > 0
        else { return nil }
        return longest
    }

    /// One pass over a fresh copy of `tree`.
    private static func attempt(
        _ tree: HTMLTree, flags: ReadabilityGrabber.Flags, title: String?, byline: inout String?, bylineKnown: Bool,
        isFurniture: @escaping (Int) -> Bool = { _ in false }
    ) -> Article {
        let dom = ReadabilityDOM(tree: tree)
        dom.ensureBody()
        ReadabilityPrep.replaceLineBreaks(in: dom)
        var grabber = ReadabilityGrabber(dom: dom, flags: flags, title: title, byline: byline, bylineKnown: bylineKnown)
        grabber.isFurniture = isFurniture
        let article = grabber.grab()
        byline = grabber.byline
        var cleaner = ReadabilityCleaner(dom: dom, article: article, flags: flags)
        cleaner.prepare()
        let length = dom.measures(of: article)[article].text
        return Article(html: dom.html(of: article), textLength: length, byline: byline)
    }
}
