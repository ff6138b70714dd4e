import Foundation

/// A Facebook Page post: `message` plus `link`, the link card built by Facebook from the page's
/// Open Graph tags. The message carries no hashtags and, by default, not the URL either.
enum FacebookParts {
    /// The Page post's `message`: the payload's text.
    static func message(_ text: String) -> String {
        text
    }
}
