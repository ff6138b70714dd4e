import Foundation

/// Converts UTF-16 ranges of entities into string indices, UTF-8 and grapheme offsets in one pass.
enum TextOffsets {
    /// The entities for `raw` (sorted, non-overlapping UTF-16 ranges) in `text`.
    ///
    /// Grapheme offsets are counted by walking the text once, so converting many entities of a
    /// long text stays linear.
    static func entities(from raw: [TwitterText.RawEntity], in text: String) -> [TextEntity] {
        guard !raw.isEmpty else { return [] }
        let utf16 = text.utf16
        let utf16Count = utf16.count
        var characterIndex = text.startIndex
        var characterCount = 0
        var result: [TextEntity] = []
        result.reserveCapacity(raw.count)

        // Counts the whole characters before `index`; `roundUp` counts a character that `index` splits.
        func graphemeOffset(of index: String.Index, roundUp: Bool) -> Int {
            while characterIndex < text.endIndex {
                let next = text.index(after: characterIndex)
                guard next <= index else { break }
                characterIndex = next
                characterCount += 1
            }
            let splits = characterIndex < index
            return characterCount + (splits && roundUp ? 1 : 0)
        }

        for entity in raw {
            let lower = min(max(entity.utf16Range.lowerBound, 0), utf16Count)
            let upper = min(max(entity.utf16Range.upperBound, lower), utf16Count)
            let start = utf16.index(utf16.startIndex, offsetBy: lower)
            let end = utf16.index(start, offsetBy: upper - lower)
            let utf8Start = text.utf8.distance(from: text.startIndex, to: start)
            let utf8End = utf8Start + text.utf8.distance(from: start, to: end)
            let graphemeStart = graphemeOffset(of: start, roundUp: false)
            let graphemeEnd = max(graphemeOffset(of: end, roundUp: true), graphemeStart)
            let written = String(text[start..<end])
            result.append(
                TextEntity(
                    kind: entity.kind, text: written, value: entity.value, range: start..<end,
                    utf16Range: lower..<upper, utf8Range: utf8Start..<utf8End,
                    graphemeRange: graphemeStart..<graphemeEnd
                ))
        }
        return result
    }
}
