import ArgumentParser
import Foundation
import Syndicate

/// What every composing command takes about images: whether alt text is required, and whether
/// images go out at all.
struct ImageOptions: ParsableArguments {
    @Flag(
        name: .customLong("require-alt"),
        help: "Refuse to post an image without alt text (by default it is a warning).")
    var requireAlt = false

    @Flag(name: .customLong("no-images"), help: "Post text and links only; attach no image.")
    var noImages = false

    /// The composer's image policy.
    var policy: ImagePolicy {
        ImagePolicy(requiresAltText: requireAlt, attachesImages: !noImages)
    }
}

/// How delivering commands read images: one pipeline for every account of a run, so that an
/// image is downloaded once, with libvips to fit images over a network's limit when it is
/// installed.
enum ImageReading {
    /// The pipeline for a run. A dry run reads local image files but downloads remote images
    /// only when `fetchInDryRun` is set (through `transport`); a real run downloads them through
    /// the delivery transport.
    static func pipeline(dryRun: Bool, fetchInDryRun: Bool, transport: @autoclosure () throws -> any HTTPTransport) rethrows -> ImagePipeline {
        let remote: ImagePipeline.RemoteImages
        if dryRun {
            remote = fetchInDryRun ? .transport(try transport()) : .notFetched
        } else {
            remote = .deliveryTransport
        }
        return ImagePipeline(remote: remote, resizer: ImageResizing.resizer)
    }
}
