import Foundation
import Syndicate

/// An ``ImageResizer`` over [libvips](https://www.libvips.org): decodes the image, turns it
/// upright by its EXIF orientation, scales it down (aspect ratio kept) under the network's
/// pixel and side limits, and encodes it in a format the network takes, stepping the JPEG
/// quality down and then the size until the bytes are under the limit.
///
/// libvips is opened with `dlopen` when ``shared`` is first read, not linked: the package builds
/// and its tests run on a machine without it, where ``shared`` is nil and
/// ``unavailableReason`` says how to install it (Debian and Ubuntu: `apt-get install libvips42`).
///
/// ```swift
/// import SyndicateImages
///
/// var environment = DeliveryEnvironment(transport: CurlTransport())
/// if let resizer = VipsImageResizer.shared {
///     environment.images.resizer = resizer
/// } else if let reason = VipsImageResizer.unavailableReason {
///     print("Images over a limit will be left out: \(reason)")
/// }
/// ```
///
/// The encoding: PNG is kept when the image is a PNG or has transparency, the network takes
/// PNG, and the PNG fits; otherwise JPEG (transparency flattened onto white) at quality
/// 85, 75, 65, 55 and 40; if the smallest is still too large, the image is scaled down (by the
/// square root of how far over it is, between 0.25 and 0.8 a step, at most eight steps) and
/// encoded again. Metadata (EXIF, GPS, ICC) is stripped from what it writes.
public struct VipsImageResizer: ImageResizer {
    /// The library and its version: `libvips 8.14.1`.
    public let name: String

    /// The JPEG qualities tried at each size, best first.
    static let qualities = [85, 75, 65, 55, 40]
    /// How many times the image is made smaller after every quality was too large.
    static let maximumScaleSteps = 8

    private init(version: String) {
        name = "libvips \(version)"
    }

    /// The resizer, or nil when libvips cannot be loaded (see ``unavailableReason``). Loads
    /// and initialises libvips the first time it is read.
    public static let shared: VipsImageResizer? = VipsLibrary.version.map { VipsImageResizer(version: $0) }

    /// Why ``shared`` is nil, as a sentence naming the library and how to install it; nil when
    /// libvips is loaded.
    public static var unavailableReason: String? {
        guard let failure = VipsLibrary.loadFailure else { return nil }
        return "\(failure); install libvips to scale images that are over a network's limits "
            + "(Debian and Ubuntu: apt-get install libvips42; macOS: brew install vips)"
    }

    /// `image` within `limits`; returned untouched when it already is (a format the network
    /// takes, and under every limit).
    ///
    /// - Throws: ``ImageError`` `.corrupt` when libvips cannot decode the bytes (a truncated
    ///   file included), `.tooLarge` when no quality and size tried gets under the limits, or
    ///   the network takes neither JPEG nor PNG.
    public func fit(_ image: PreparedImage, within limits: ImageLimits) throws(ImageError) -> PreparedImage {
        if limits.formats.contains(image.format), limits.admits(bytes: image.data.count, width: image.width, height: image.height) {
            return image
        }
        let source = image.source
        let takesJPEG = limits.formats.contains(.jpeg)
        let takesPNG = limits.formats.contains(.png)
        guard takesJPEG || takesPNG else {
            let accepted = limits.formats.map(\.fileExtension).sorted().joined(separator: ", ")
            throw ImageError(
                .tooLarge, image: source,
                message: "\(ImageError.name(of: source)) would have to be converted to \(accepted), and \(name) is set to write JPEG or PNG only",
                fix: "convert the image to a format the network takes, under its limits (\(limits.summary))")
        }

        let decoded: VipsImage
        do {
            let upright = try VipsImage.uprightSize(of: image.data)
            var box = FitGeometry.box(width: upright.width, height: upright.height, within: limits)
            var candidate = try VipsImage.decode(image.data, fittingIn: box.width, box.height)
            // libvips rounds the other side to the nearest pixel; bring it back under if that
            // went over.
            for _ in 0..<3 where !limits.admits(bytes: 0, width: candidate.width, height: candidate.height) {
                box = FitGeometry.box(width: candidate.width, height: candidate.height, within: limits)
                candidate = try candidate.shrunk(fittingIn: box.width, box.height)
            }
            decoded = candidate
        } catch {
            throw ImageError(
                .corrupt, image: source,
                message: "\(ImageError.name(of: source)) could not be decoded by \(name) (\(error.message))",
                fix: "open the image in an image editor and save it again as JPEG or PNG, or replace the file")
        }

        let keepsPNG = takesPNG && (image.format == .png || decoded.hasAlpha || !takesJPEG)
        var current = decoded
        var previous = decoded
        var smallest = Int.max
        do {
            for step in 0...Self.maximumScaleSteps {
                if step > 0 {
                    let factor = FitGeometry.nextScale(bytes: smallest, maximum: limits.maximumBytes ?? smallest)
                    let box = FitGeometry.scaled(
                        width: current.width, height: current.height, by: factor, within: limits)
                    if box.width >= current.width, box.height >= current.height { break }
                    previous = current
                    current = try decoded.shrunk(fittingIn: box.width, box.height)
                }
                smallest = Int.max
                let encodings: [(format: ImageFormat, quality: Int)] =
                    (keepsPNG ? [(.png, 100)] : []) + (takesJPEG ? Self.qualities.map { (.jpeg, $0) } : [])
                for encoding in encodings {
                    let data = try encode(current, encoding.format, quality: encoding.quality)
                    if let result = fitted(data, encoding.format, current, image, limits) {
                        // Bytes fall faster than pixels when scaling (noise averages out), so
                        // a scaled image well under the limit tries once the size halfway back.
                        guard step > 0, let maximum = limits.maximumBytes, data.count < maximum / 2 else { return result }
                        let between = FitGeometry.scaled(
                            width: previous.width, height: previous.height,
                            by: (1 + Double(current.width) / Double(previous.width)) / 2, within: limits)
                        let larger = try decoded.shrunk(fittingIn: between.width, between.height)
                        let retry = try encode(larger, encoding.format, quality: encoding.quality)
                        return fitted(retry, encoding.format, larger, image, limits) ?? result
                    }
                    smallest = min(smallest, data.count)
                    // Far over at the best quality: a lower quality will not get there; scale first.
                    if encoding.format == .jpeg, encoding.quality == Self.qualities[0], let maximum = limits.maximumBytes,
                        data.count > 4 * maximum
                    {
                        break
                    }
                }
            }
        } catch {
            throw ImageError(
                .corrupt, image: source,
                message: "\(ImageError.name(of: source)) could not be re-encoded by \(name) (\(error.message))",
                fix: "open the image in an image editor and save it again as JPEG or PNG, or replace the file")
        }
        let grouped = smallest.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        throw ImageError(
            .tooLarge, image: source,
            message: "\(ImageError.name(of: source)) is still \(grouped) bytes at \(current.width)×\(current.height) pixels after \(name) scaled and compressed it, over the network's limit (\(limits.summary))",
            fix: "make the image smaller or simpler (a photograph rather than a detailed scan) before posting")
    }

    private func encode(_ pixels: VipsImage, _ format: ImageFormat, quality: Int) throws(VipsFailure) -> Data {
        format == .png ? try pixels.png() : try pixels.jpeg(quality: quality)
    }

    /// The result, when `data` is within `limits`.
    private func fitted(
        _ data: Data, _ format: ImageFormat, _ pixels: VipsImage, _ original: PreparedImage, _ limits: ImageLimits
    ) -> PreparedImage? {
        guard limits.admits(bytes: data.count, width: pixels.width, height: pixels.height) else { return nil }
        return PreparedImage(
            source: original.source, alt: original.alt, data: data, format: format, width: pixels.width,
            height: pixels.height, isFetched: original.isFetched, wasFitted: true)
    }
}
