import Foundation
import Syndicate

/// Fuzz target for the counters and the facet detector: any text, every network's rule.
///
/// Checks that lengths are non-negative and repeatable, that every range the X parser and
/// entity extractor return lies inside the text and matches it, that every ``NetworkRule``
/// reports the text's real bytes and graphemes, and that Bluesky facets are sorted UTF-8 byte
/// slices that start and end on character boundaries, no link overlapping a link and no mention
/// a mention.
enum CountingFuzzTarget {
    static let name = "counting"

    static let target = FuzzTarget(
        name: name,
        summary: "X weighted counting and entities, Mastodon and every NetworkRule, Bluesky facets.",
        dictionary: [
            "https://", "http://", "www.", ".com", ".co.uk", ".рф", "t.co/", "@", "#", "$", "＃", "\u{200D}",
            "\u{FE0F}", "👨‍👩‍👧‍👧", "🇬🇧", "é", "e\u{301}", "स्ते", "\u{FFFE}", "\u{202E}", ":", "/", "?", "=", "(", ")",
        ],
        body: { data throws(FuzzFinding) in try check(String(decoding: data, as: UTF8.self)) }
    )

    static func check(_ text: String) throws(FuzzFinding) {
        let utf16Count = text.utf16.count
        let utf8 = Array(text.utf8)

        let parsed = TwitterText.parse(text)
        try expect(parsed.weightedLength >= 0, name, "negative weighted length \(parsed.weightedLength)")
        try expect(parsed == TwitterText.parse(text), name, "TwitterText.parse is not repeatable")
        if text.isEmpty {
            try expect(parsed.weightedLength == 0 && !parsed.isValid, name, "empty text counts \(parsed.weightedLength)")
        } else {
            try expect(
                parsed.displayRange.lowerBound >= 0 && parsed.displayRange.upperBound < utf16Count, name,
                "displayRange \(parsed.displayRange) outside \(utf16Count) UTF-16 units")
            try expect(
                parsed.validRange.lowerBound >= parsed.displayRange.lowerBound
                    && parsed.validRange.upperBound <= parsed.displayRange.upperBound, name,
                "validRange \(parsed.validRange) outside displayRange \(parsed.displayRange)")
        }

        var previousEnd = 0
        for entity in TwitterText.entities(in: text) {
            try expect(
                entity.utf16Range.lowerBound >= previousEnd && entity.utf16Range.upperBound <= utf16Count
                    && !entity.utf16Range.isEmpty, name,
                "entity \(quoted(entity.text)) at UTF-16 \(entity.utf16Range) overlaps or leaves the text")
            try expect(
                String(text[entity.range]) == entity.text, name,
                "entity \(quoted(entity.text)) does not match the text at its range")
            try expect(
                entity.utf8Range.upperBound <= utf8.count
                    && Array(utf8[entity.utf8Range]) == Array(entity.text.utf8), name,
                "entity \(quoted(entity.text)) has UTF-8 range \(entity.utf8Range) that does not match")
            previousEnd = entity.utf16Range.upperBound
        }

        let mastodon = MastodonLength.count(text)
        try expect(mastodon >= 0, name, "negative Mastodon length \(mastodon)")
        for network in SocialNetwork.allCases {
            let measurement = NetworkRule.rule(for: network).measure(text)
            try expect(measurement.length >= 0, name, "\(network) length \(measurement.length) is negative")
            try expect(
                measurement.bytes == utf8.count && measurement.graphemes == text.count, name,
                "\(network) reports \(measurement.bytes) bytes and \(measurement.graphemes) graphemes")
            try expect(
                !measurement.isValid || measurement.length <= measurement.limit, name,
                "\(network) calls \(measurement.length) of \(measurement.limit) valid")
        }

        try checkFacets(BlueskyText.facets(in: text), in: utf8, target: name)
    }

    /// Facets must be non-empty byte slices on character boundaries, sorted by start.
    ///
    /// Tags may overlap other facets, as in Bluesky's reference detector, which finds hashtags,
    /// cashtags, links and mentions each on its own (`＃tag(https://example.com` is a tag and a
    /// link; `#oc($AAPL` a hashtag and a cashtag); a link may not overlap a link, nor a mention a
    /// mention.
    static func checkFacets(_ facets: [BlueskyFacet], in utf8: [UInt8], target: String) throws(FuzzFinding) {
        var previousStart = 0
        var endOfKind: [String: Int] = [:]
        for facet in facets {
            let start = facet.index.byteStart
            let end = facet.index.byteEnd
            try expect(
                start >= previousStart && start < end && end <= utf8.count, target,
                "facet \(start)..<\(end) is empty, out of order (after \(previousStart)) or leaves \(utf8.count) bytes")
            try expect(
                isBoundary(start, in: utf8) && isBoundary(end, in: utf8), target,
                "facet \(start)..<\(end) splits a UTF-8 sequence")
            try expect(!facet.features.isEmpty, target, "facet \(start)..<\(end) has no feature")
            for kind in Set(facet.features.map(\.type)) where kind != "app.bsky.richtext.facet#tag" {
                try expect(
                    start >= endOfKind[kind, default: 0], target,
                    "facet \(start)..<\(end) overlaps another \(kind) ending at \(endOfKind[kind, default: 0])")
                endOfKind[kind] = end
            }
            previousStart = start
        }
    }

    private static func isBoundary(_ offset: Int, in utf8: [UInt8]) -> Bool {
        offset == utf8.count || utf8[offset] & 0b1100_0000 != 0b1000_0000
    }
}
