import Syndicate
import SyndicateImages

/// The image library the commands fit images with: libvips through ``VipsImageResizer``, opened
/// only when an image is over a network's limits (a run without such an image never loads it,
/// so it costs nothing at start-up). Without libvips, such an image is left out with a warning
/// that says how to install it.
enum ImageResizing {
    /// The resizer to set on the delivery environment's image pipeline.
    static var resizer: (any ImageResizer)? { OnFirstUse() }

    /// Opens libvips the first time an image needs fitting.
    struct OnFirstUse: ImageResizer {
        var name: String { VipsImageResizer.shared?.name ?? "libvips" }

        func fit(_ image: PreparedImage, within limits: ImageLimits) throws(ImageError) -> PreparedImage {
            guard let resizer = VipsImageResizer.shared else {
                throw ImageError(
                    .tooLarge, image: image.source,
                    message: "\(ImageError.name(of: image.source)) is over the network's limits (\(limits.summary)), and \(VipsImageResizer.unavailableReason ?? "libvips could not be loaded")",
                    fix: "install libvips (apt-get install libvips42 on Debian and Ubuntu, brew install vips on macOS), or make the image smaller")
            }
            return try resizer.fit(image, within: limits)
        }
    }
}
