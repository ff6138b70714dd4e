import Foundation

/// X: plain text; URLs shown without their scheme, cut to 23 characters with `…`; hashtags,
/// cashtags and mentions linked.
enum XPreviewText {
    /// How long a URL is shown before it is cut.
    static let shownURLLength = 23

    /// The segments of `text`.
    static func segments(of text: String) -> [PreviewSegment] {
        PreviewAutolink.split(text) { PreviewAutolink.shortened($0, to: shownURLLength) }
    }
}
