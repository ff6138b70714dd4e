import Foundation
import Syndicate

/// A payload's parts as segments of visible text, each network's markup turned into what it shows.
enum PreviewText {
    /// One list of segments per part (one part unless the payload is a thread).
    static func parts(of payload: SharePayload) -> [[PreviewSegment]] {
        if let parts = payload.parts, !parts.isEmpty {
            return parts.map { segments(of: $0.text, facets: $0.facets, payload: payload) }
        }
        if payload.network == .facebook { return [FacebookPreviewText.segments(of: payload)] }
        let text = payload.network == .linkedin ? (payload.commentary ?? payload.text) : payload.text
        return [segments(of: text, facets: payload.facets, payload: payload)]
    }

    /// The segments of one part's `text` on `payload`'s network.
    static func segments(of text: String, facets: [BlueskyFacet]?, payload: SharePayload) -> [PreviewSegment] {
        switch payload.network {
        case .x: XPreviewText.segments(of: text)
        case .mastodon: MastodonPreviewText.segments(of: text)
        case .bluesky: BlueskyPreviewText.segments(of: text, facets: facets ?? [])
        // Telegram reads HTML only when the payload says so; otherwise the text is shown as sent.
        case .telegram: payload.parseMode?.lowercased() == "html" ? TelegramPreviewText.segments(of: text) : PreviewAutolink.split(text)
        case .slack: SlackPreviewText.segments(of: text)
        case .discord: DiscordPreviewText.segments(of: text)
        case .linkedin:
            payload.commentary != nil && payload.parts == nil ? LinkedInPreviewText.segments(ofCommentary: text) : PreviewAutolink.split(text)
        case .webhook: [.text(text)]
        default: PreviewAutolink.split(text)
        }
    }
}
