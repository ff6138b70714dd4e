import Foundation

/// Every fuzz target, by name.
///
/// | Target | Feeds | Checks |
/// |---|---|---|
/// | `html` | `HTMLImporter` | posts well formed, or an `ImportError` |
/// | `feed` | `RSSImporter` and `AtomImporter` through `FeedReader` | the same, item by item |
/// | `jsonfeed` | `JSONFeedImporter` | the same |
/// | `markdown` | `MarkdownImporter` (YAML front matter) | the same |
/// | `text` | `PlainTextImporter` and `JSONPostImporter` | the same |
/// | `counting` | X weighted counting, Mastodon and every `NetworkRule`, Bluesky facets | lengths, ranges and byte offsets in bounds and consistent |
/// | `composer` | `Composer` on posts built from the bytes, single and threaded | every payload within its network's limit, counted again |
/// | `responses` | every network client, answered with responses built from the bytes | a `Delivery` or a `DeliveryError` that names no secret |
/// | `images` | `ImageHeader` (format sniffing, JPEG/PNG/GIF/WebP sizes) | never traps, sizes positive, found again when bytes are appended |
/// | `multipart` | `MultipartForm.parse`, and forms built from the bytes | parts are bytes of the body; a built form parses back to its parts |
public enum FuzzTargets {
    /// All targets, in the order above.
    public static let all: [FuzzTarget] = [
        ImportFuzzTargets.html,
        ImportFuzzTargets.feed,
        ImportFuzzTargets.jsonFeed,
        ImportFuzzTargets.markdown,
        ImportFuzzTargets.text,
        CountingFuzzTarget.target,
        ComposerFuzzTarget.target,
        ResponseFuzzTarget.target,
        ImageHeaderFuzzTarget.target,
        MultipartFuzzTarget.target,
    ]

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
