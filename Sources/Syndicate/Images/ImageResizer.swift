import Foundation

/// Scales and re-encodes an image that is over a network's limits: the work of a real image
/// library, never of Syndicate's own code.
///
/// Syndicate's core has none. The `SyndicateImages` product provides `VipsImageResizer`
/// (libvips, loaded when first used); set it on ``DeliveryEnvironment/images``. Without a
/// resizer, an image over a limit is left out with a warning that says how to add one.
public protocol ImageResizer: Sendable {
    /// The library's name and version, as warnings and reports name it (`libvips 8.14.1`).
    var name: String { get }

    /// `image` scaled (aspect ratio kept) and re-encoded so that it is within `limits`: its
    /// bytes, pixels and longest side under the limits, in one of the accepted formats.
    ///
    /// - Throws: ``ImageError`` `.corrupt` when the bytes cannot be decoded, `.tooLarge` when
    ///   no quality or size the resizer tries gets under the limits.
    func fit(_ image: PreparedImage, within limits: ImageLimits) throws(ImageError) -> PreparedImage
}
