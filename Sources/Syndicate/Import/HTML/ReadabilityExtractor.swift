import Foundation

/// Mozilla Readability's article extraction, ported: passes of ``ReadabilityGrabber`` and
/// ``ReadabilityCleaner`` over a fresh ``ReadabilityDOM``, retried with looser flags (first
/// keeping unlikely candidates, then ignoring class weights, then skipping the conditional
/// cleaning) while the article has fewer than 500 characters; then the longest attempt wins.
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
    static func extract(from tree: HTMLTree, title: String?, bylineKnown: Bool) -> Article? {
        var flags = ReadabilityGrabber.Flags.all
        var byline: String?
        var attempts: [Article] = []
        while true {
            let dom = ReadabilityDOM(tree: tree)
            ReadabilityPrep.replaceLineBreaks(in: dom)
            var grabber = ReadabilityGrabber(dom: dom, flags: flags, title: title, byline: byline, bylineKnown: bylineKnown)
            let article = grabber.grab()
            byline = grabber.byline
            var cleaner = ReadabilityCleaner(dom: dom, article: article, flags: flags)
            cleaner.prepare()
            let length = dom.measures(of: article)[article].text
            let result = Article(html: dom.html(of: article), textLength: length, byline: byline)
            if length >= characterThreshold { return result }
            attempts.append(result)
            if flags.contains(.stripUnlikelys) {
                flags.remove(.stripUnlikelys)
            } else if flags.contains(.weightClasses) {
                flags.remove(.weightClasses)
            } else if flags.contains(.cleanConditionally) {
                flags.remove(.cleanConditionally)
            } else {
                guard let longest = attempts.max(by: { $0.textLength < $1.textLength }), longest.textLength > 0 else {
                    return nil
                }
                return longest
            }
        }
    }
}
