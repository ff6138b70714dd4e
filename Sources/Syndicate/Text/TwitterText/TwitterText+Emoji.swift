extension TwitterText {
    /// The end of the emoji sequence that starts at `start`, or nil if no emoji starts there.
    ///
    /// A sequence is what twitter-text's emoji regex (twemoji) treats as one emoji: a keycap
    /// (`1` `U+FE0F`? `U+20E3`), a flag (two regional indicators), an emoji with an optional
    /// `U+FE0F` or skin-tone modifier, tag characters (subdivision flags), and further emoji joined
    /// by `U+200D` (ZWJ families, professions). `©`, `®` and `™` count only with `U+FE0F`.
    static func emojiSequenceEnd(
        in view: String.UnicodeScalarView, at start: String.UnicodeScalarView.Index
    ) -> String.UnicodeScalarView.Index? {
        let first = view[start]
        var index = view.index(after: start)
        func peek() -> UInt32? { index < view.endIndex ? view[index].value : nil }
        func advance() { view.formIndex(after: &index) }

        switch first.value {
        case 0x23, 0x2A, 0x30...0x39:  // # * 0–9: only as keycaps
            if peek() == 0xFE0F { advance() }
            guard peek() == 0x20E3 else { return nil }
            advance()
            return index
        case 0x00...0x7F:
            return nil
        case 0x1F1E6...0x1F1FF:  // regional indicators: a pair is a flag
            if let next = peek(), (0x1F1E6...0x1F1FF).contains(next) { advance() }
            return index
        case 0xA9, 0xAE, 0x2122:
            guard peek() == 0xFE0F else { return nil }
        default:
            guard first.properties.isEmoji else { return nil }
        }

        func consumeModifiers() {
            if let next = peek(), next == 0xFE0F || (0x1F3FB...0x1F3FF).contains(next) { advance() }
            if peek() == 0xFE0F { advance() }
            if peek() == 0x20E3 { advance() }
        }
        consumeModifiers()
        while let next = peek(), (0xE0020...0xE007E).contains(next) { advance() }
        if peek() == 0xE007F { advance() }
        while peek() == 0x200D {
            let joiner = index
            advance()
            guard index < view.endIndex, view[index].value > 0x7F, view[index].properties.isEmoji else {
                index = joiner
                break
            }
            advance()
            consumeModifiers()
        }
        return index
    }
}
