import Foundation

/// What the browser test adds to a copy of a preview page (never to the page itself, which has
/// no script): once the page has loaded, a script measures every card after layout and writes a
/// JSON report into `<pre id="syndicate-layout-report">`, which the dumped DOM then carries.
enum LayoutProbe {
    /// One card as laid out.
    struct Card: Decodable {
        var network: String
        /// Each `.post-text`'s text, every shortened link replaced by its `data-full`.
        var parts: [String]
        /// The elements that stick out of the card, left or right (empty when none).
        var overflow: [String]
        var width: Double
        var height: Double
    }

    /// The report.
    struct Report: Decodable {
        var cards: [Card]
        /// Every URL the page loaded (Resource Timing), and every image's source.
        var resources: [String]
        var images: [String]
        /// The document's width against the window's: a page wider than its window overflows.
        var documentWidth: Double
        var windowWidth: Double
    }

    static let script = """
        <script>
        window.addEventListener('load', () => {
          const report = { cards: [], resources: [], images: [],
            documentWidth: document.documentElement.scrollWidth, windowWidth: window.innerWidth };
          for (const card of document.querySelectorAll('article.card')) {
            const box = card.getBoundingClientRect();
            const overflow = [];
            for (const element of card.querySelectorAll('*')) {
              const r = element.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.left < box.left - 1 || r.right > box.right + 1) {
                overflow.push(element.tagName + '.' + element.className + ' ' + Math.round(r.left) + '…' + Math.round(r.right));
              }
            }
            if (card.scrollWidth > card.clientWidth + 1) overflow.push('scrollWidth ' + card.scrollWidth + ' > ' + card.clientWidth);
            const parts = [];
            for (const text of card.querySelectorAll('.post-text')) {
              const copy = text.cloneNode(true);
              for (const link of copy.querySelectorAll('a.link[data-full]')) link.textContent = link.getAttribute('data-full');
              parts.push(copy.textContent);
            }
            report.cards.push({ network: card.dataset.network, parts, overflow, width: box.width, height: box.height });
          }
          report.resources = performance.getEntriesByType('resource').map(entry => entry.name);
          report.images = Array.from(document.images).map(image => image.src);
          const pre = document.createElement('pre');
          pre.id = 'syndicate-layout-report';
          pre.textContent = JSON.stringify(report);
          document.body.appendChild(pre);
        });
        </script>
        """

    /// `page` with the probe before `</body>`, its Content-Security-Policy widened to let this
    /// one inline script run (nothing else changes).
    static func instrumented(_ page: String) -> String {
        var page = page.replacingOccurrences(of: "default-src 'none'", with: "default-src 'none'; script-src 'unsafe-inline'")
        if let end = page.range(of: "</body>", options: .backwards) {
            page.replaceSubrange(end, with: script + "</body>")
        } else {
            page += script
        }
        return page
    }

    /// The report in `dom` (the browser's dump of the instrumented page).
    static func report(in dom: String) throws -> Report {
        guard let start = dom.range(of: "<pre id=\"syndicate-layout-report\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            throw HeadlessChromium.Failure(description: "the page's layout report is missing from the DOM (did the page load?)")
        }
        let json = decodeEntities(String(dom[start.upperBound..<end.lowerBound]))
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }

    /// `text` with the entities a serialised DOM uses in text decoded.
    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
