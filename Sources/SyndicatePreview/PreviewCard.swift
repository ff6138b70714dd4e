import Foundation
import Syndicate

/// One payload drawn as its network's card: `<article class="card" data-network="…">` with the
/// account header, each part's text, the link card, the images, the count and the warnings.
struct PreviewCard {
    /// The payload.
    var payload: SharePayload
    /// Its post.
    var post: Post
    /// Who posts it.
    var account: PreviewAccount
    /// Where images come from.
    var images: PreviewImageSource

    /// The card's HTML.
    var html: String {
        let network = payload.network
        var html = "<article class=\"card\" data-network=\"\(HTML.escape(network.rawValue))\">\n"
        html += header
        let parts = PreviewText.parts(of: payload)
        for (number, segments) in parts.enumerated() {
            if parts.count > 1 {
                html += "<div class=\"part-label\">\(number + 1)/\(parts.count)</div>\n"
            }
            html += "<div class=\"post-text\" data-part=\"\(number + 1)\" dir=\"auto\">" + Self.html(segments) + "</div>\n"
        }
        if let topic = payload.topicTag {
            html += "<div class=\"topic\"><span class=\"topic-tag\">\(HTML.escape(topic))</span></div>\n"
        }
        if let card = PreviewLinkCard.card(for: payload, of: post) { html += card.html(images: images) }
        html += imagesHTML
        html += count
        if !payload.warnings.isEmpty {
            html += "<ul class=\"warnings\">"
            for warning in payload.warnings { html += "<li>\(HTML.escape(warning.message))</li>" }
            html += "</ul>\n"
        }
        return html + "</article>\n"
    }

    /// The avatar (the name's initial in a circle), display name, handle and network.
    var header: String {
        let initial = account.displayName.first.map { String($0).uppercased() } ?? "?"
        return "<header class=\"card-header\"><span class=\"avatar\" aria-hidden=\"true\">\(HTML.escape(initial))</span>"
            + "<span class=\"who\"><strong class=\"display-name\" dir=\"auto\">\(HTML.escape(account.displayName))</strong>"
            + " <span class=\"handle\" dir=\"auto\">\(HTML.escape(account.handle))</span></span>"
            + "<span class=\"network-name\">\(HTML.escape(payload.network.displayName))</span></header>\n"
    }

    /// The segments as HTML: links, tags and mentions as `<a>`, the rest as escaped text.
    static func html(_ segments: [PreviewSegment]) -> String {
        var html = ""
        for segment in segments {
            switch segment {
            case .text(let text): html += HTML.escape(text)
            case .link(let href?, let full, let display):
                html += "<a class=\"link\" href=\"\(HTML.escape(href))\" data-full=\"\(HTML.escape(full))\">\(HTML.escape(display))</a>"
            case .link(nil, let full, _): html += HTML.escape(full)
            case .tag(let tag): html += "<a class=\"tag\">\(HTML.escape(tag))</a>"
            case .mention(let mention): html += "<a class=\"mention\">\(HTML.escape(mention))</a>"
            }
        }
        return html
    }

    /// Each image with its alt text as a tooltip and a visible badge (or a warning badge when
    /// it has none); an image that cannot be shown is a note.
    var imagesHTML: String {
        guard !payload.images.isEmpty else { return "" }
        var html = "<div class=\"images\" data-count=\"\(payload.images.count)\">"
        for image in payload.images {
            let alt = image.alt.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            // The badge's text is exactly the alt text; "ALT" (or "No alt text") is drawn by the style sheet.
            let badge = alt.isEmpty
                ? "<figcaption class=\"alt-badge no-alt\"></figcaption>"
                : "<figcaption class=\"alt-badge\" dir=\"auto\">\(HTML.escape(alt))</figcaption>"
            if let source = images.source(for: image.url) {
                html += "<figure class=\"image\"><img src=\"\(HTML.escape(source))\" alt=\"\(HTML.escape(alt))\" title=\"\(HTML.escape(alt))\">\(badge)</figure>"
            } else {
                let note = images.problem(with: image.url) ?? "Not shown."
                let name = image.url.isFileURL ? image.url.lastPathComponent : image.url.absoluteString
                html += "<figure class=\"image missing\"><p class=\"note\">\(HTML.escape(note)) \(HTML.escape(name))</p>\(badge)</figure>"
            }
        }
        return html + "</div>\n"
    }

    /// `L / M unit` with a bar `L/M` wide, marked over when it is.
    var count: String {
        let length = payload.length
        let limit = payload.limit
        // In floating point: a hand-made payload's length may be near Int.max.
        let percent = limit > 0 ? Int(min(100, max(0, Double(length) / Double(limit) * 100))) : 100
        let over = length > limit ? " over" : ""
        return "<div class=\"count\(over)\" data-length=\"\(length)\" data-limit=\"\(limit)\">"
            + "<div class=\"bar\"><div class=\"bar-fill\" style=\"width: \(percent)%\"></div></div>"
            + "<span class=\"count-text\">\(length) / \(limit) \(Self.unit(of: payload.network))</span></div>\n"
    }

    /// The unit `network` counts in, for people.
    static func unit(of network: SocialNetwork) -> String {
        switch NetworkRegistry.builtIn.definition(for: network)?.rule.unit {
        case .weighted: "weighted characters"
        case .codePoints: "code points"
        case .utf16Units: "UTF-16 units"
        case .utf8Bytes: "bytes"
        case .graphemes, .graphemesWithEmojiAsBytes, nil: "characters"
        }
    }
}
