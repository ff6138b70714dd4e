import Syndicate

/// The image library the commands fit images with. (Placeholder until SyndicateImages lands.)
enum ImageResizing {
    static var resizer: (any ImageResizer)? { nil }
    static var notice: String? { nil }
}
