import Foundation
import Syndicate

/// Fuzz target for the composer: posts built from the bytes, every network, single and threaded.
///
/// Every payload the composer returns must fit: counted again by the network's own rule (LinkedIn:
/// its `commentary`), it has the length the payload states, within the limit (and Bluesky's byte
/// limit); every thread part likewise; Bluesky facets are valid byte slices of the text they
/// annotate; the payload encodes.
/// A ``ComposeError`` is an accepted answer (an empty post, a template that cannot fit).
enum ComposerFuzzTarget {
    static let name = "composer"

    static let target = FuzzTarget(
        name: name,
        summary: "Composer on posts built from the bytes: every payload fits its network, threads too.",
        dictionary: [
            "\u{0}", "\n", ",", "https://school.example/news/", "The Telegraph reports", "Ofsted", "Leadership",
            "#", "@", "👨‍👩‍👧‍👧", "é", ". ", "? ", "! ", "“", "”", "Mr. ", "e.g. ", "...",
        ],
        body: { data throws(FuzzFinding) in
            let (post, flags) = FuzzPostDecoder.post(from: data)
            try check(post, threading: flags & 1 == 1, tracking: flags & 2 == 2)
        }
    )

    static func check(_ post: Post, threading: Bool, tracking: Bool) throws(FuzzFinding) {
        var configuration = ComposerConfiguration(threading: threading)
        if !tracking { configuration.linkTracking = .none }
        let composer = Composer(configuration: configuration)
        let payloads: [SharePayload]
        do {
            payloads = try composer.payloads(for: post)
        } catch {
            return
        }
        try expect(
            payloads.map(\.network) == SocialNetwork.allCases, name, "payloads for \(payloads.map(\.network))")
        for payload in payloads {
            let rule = configuration.rule(for: payload.network)
            let network = payload.network
            // LinkedIn counts what it is sent: the little-text `commentary`.
            try checkText(payload.commentary ?? payload.text, length: payload.length, facets: payload.facets, rule: rule, what: "\(network) payload")
            for part in payload.parts ?? [] {
                try checkText(part.text, length: part.length, facets: part.facets, rule: rule, what: "\(network) part \(part.index)")
            }
            try expect(
                (payload.parts?.count ?? 0) <= configuration.maximumThreadParts, name,
                "\(network) thread has \(payload.parts?.count ?? 0) parts")
            do {
                _ = try JSONEncoder().encode(payload)
            } catch {
                throw FuzzFinding(target: name, message: "\(network) payload does not encode: \(error)")
            }
        }
    }

    private static func checkText(
        _ text: String, length: Int, facets: [BlueskyFacet]?, rule: NetworkRule, what: String
    ) throws(FuzzFinding) {
        let measurement = rule.measure(text)
        try expect(
            measurement.length == length, name,
            "\(what) states length \(length) but counts \(measurement.length): \(quoted(text))")
        try expect(
            measurement.length <= measurement.limit, name,
            "\(what) is \(measurement.length) over its limit \(measurement.limit): \(quoted(text))")
        if let byteLimit = rule.byteLimit {
            try expect(
                measurement.bytes <= byteLimit, name,
                "\(what) is \(measurement.bytes) bytes, over \(byteLimit): \(quoted(text))")
        }
        if let facets {
            try CountingFuzzTarget.checkFacets(facets, in: Array(text.utf8), target: name)
        }
    }
}
