import Foundation

/// Splits a long post into numbered parts (`1/3`) at sentence boundaries, each within the
/// network's limit, the link and hashtags in the first part.
///
/// Sentences are packed greedily in order; a sentence longer than a part is split at words
/// (or grapheme clusters for languages written without spaces). The numbering is reserved at
/// its widest before packing, so that renumbering never pushes a part over the limit.
struct ThreadSplitter {
    let draft: Composer.Draft
    let tags: [String]

    /// The parts, and whether the thread stopped at the maximum number of parts.
    func parts() -> (parts: [SharePayload.ThreadPart], truncated: Bool) {
        let maximum = draft.configuration.maximumThreadParts
        let sentences = SummarySource.sentences(of: draft.post).isEmpty ? draft.sentences : threadSentences()
        var width = maximum >= 10 ? 99 : 9
        var packed = pack(sentences, numbering: "\(width)/\(width)", maximum: maximum)
        if packed.chunks.count <= 9, width > 9 {
            width = 9
            packed = pack(sentences, numbering: "9/9", maximum: maximum)
        }
        let count = packed.chunks.count
        var result: [SharePayload.ThreadPart] = []
        for (offset, chunk) in packed.chunks.enumerated() {
            let numbered = chunk + " \(offset + 1)/\(count)"
            let text = offset == 0 ? draft.render(summary: numbered, tags: tags) : draft.definition.escape(numbered)
            let length = draft.rule.measure(text).length
            var part = SharePayload.ThreadPart(index: offset + 1, text: text, length: length)
            draft.definition.finishThreadPart(&part)
            result.append(part)
        }
        return (result, packed.truncated)
    }

    /// The sentences of the whole post, the author's summary first.
    private func threadSentences() -> [String] {
        var result: [String] = []
        if let summary = draft.post.summary { result += SentenceSplitter.sentences(in: summary) }
        let lead = result
        for sentence in draft.post.sentences {
            let words = SummarySource.contentWords(sentence)
            let said = Set(lead.flatMap { SummarySource.contentWords($0) })
            if !lead.isEmpty, !words.isEmpty, words.filter({ said.contains($0) }).count * 2 >= words.count { continue }
            result.append(sentence)
        }
        return result.map(Whitespace.collapse).filter { !$0.isEmpty }
    }

    /// Whether `chunk` with `numbering` fits as part number `index` (0-based).
    private func fits(_ chunk: String, numbering: String, first: Bool) -> Bool {
        let numbered = chunk + " " + numbering
        if first { return draft.fits(summary: numbered, tags: tags) }
        return draft.rule.measure(draft.definition.escape(numbered)).isValid
    }

    /// Greedy packing of `sentences` into at most `maximum` chunks.
    private func pack(_ sentences: [String], numbering: String, maximum: Int) -> (chunks: [String], truncated: Bool) {
        var chunks: [String] = []
        var current = ""
        var queue = sentences[...]
        while let sentence = queue.first {
            let first = chunks.isEmpty
            let candidate = current.isEmpty ? sentence : current + " " + sentence
            if fits(candidate, numbering: numbering, first: first) {
                current = candidate
                queue.removeFirst()
                continue
            }
            if !current.isEmpty {
                chunks.append(current)
                current = ""
                if chunks.count == maximum { return (chunks, true) }
                continue
            }
            // One sentence longer than a part: split it at a word.
            let split = draft.fitter.split(sentence) { fits($0, numbering: numbering, first: first) }
            guard let split else { return (chunks, true) }
            chunks.append(split.head)
            if chunks.count == maximum { return (chunks, !split.rest.isEmpty || queue.count > 1) }
            queue.removeFirst()
            if !split.rest.isEmpty { queue.insert(split.rest, at: queue.startIndex) }
        }
        if !current.isEmpty { chunks.append(current) }
        return (chunks, false)
    }
}
