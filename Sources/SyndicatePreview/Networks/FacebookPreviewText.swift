import Foundation
import Syndicate

/// Facebook: the Page post's `message` (else the text), plain, links, hashtags and mentions
/// linked. A post with photos has no link card, so Facebook's client puts the link at the end of
/// the message instead, and the preview shows it there.
enum FacebookPreviewText {
    /// The message as it is posted.
    static func message(of payload: SharePayload) -> String {
        var message = payload.message ?? payload.text
        if !payload.images.isEmpty, let link = payload.link, !message.contains(link.absoluteString) {
            message += (message.isEmpty ? "" : "\n\n") + link.absoluteString
        }
        return message
    }

    /// The segments of the message.
    static func segments(of payload: SharePayload) -> [PreviewSegment] {
        PreviewAutolink.split(message(of: payload))
    }
}
