import Syndicate
import SyndicateImages

/// The image library the commands fit images with: libvips through ``VipsImageResizer``,
/// loaded on first use. Without it, an image over a network's limits is left out with a
/// warning, and ``notice`` says why once.
enum ImageResizing {
    /// The resizer to set on the delivery environment's image pipeline; nil without libvips.
    static var resizer: (any ImageResizer)? { VipsImageResizer.shared }

    /// Why images over a network's limits will be left out, when libvips is absent; nil when it
    /// is loaded.
    static var notice: String? {
        VipsImageResizer.unavailableReason.map { "Images over a network's size limits will be left out: \($0)." }
    }
}
