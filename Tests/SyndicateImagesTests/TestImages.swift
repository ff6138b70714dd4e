import Foundation
import Syndicate
@testable import SyndicateImages
import Testing

/// Images made for the tests with libvips itself (never committed), and the skip rule: every
/// test that needs libvips prints a notice and returns when it is not installed (CI installs it).
enum TestImages {
    /// The resizer, or nil after printing why `test` is skipped.
    static func resizer(for test: String) -> VipsImageResizer? {
        guard let resizer = VipsImageResizer.shared else {
            print("SKIPPED \(test): libvips is not installed (apt-get install libvips42)")
            return nil
        }
        return resizer
    }

    /// A synthetic image encoded as `suffix` (`.jpg[Q=95]`, `.png`, `.webp`, `.gif`).
    static func encoded(
        _ suffix: String, width: Int, height: Int, alpha: Bool = false, noise: Double = 0, orientation: Int = 0
    ) throws -> Data {
        try VipsImage.synthetic(width: width, height: height, alpha: alpha, noise: noise, orientation: orientation)
            .encoded(as: suffix)
    }

    /// `data` as the pipeline hands it to a resizer, its header sniffed.
    static func prepared(_ data: Data, name: String) throws -> PreparedImage {
        let header = try #require(ImageHeader(data))
        return PreparedImage(
            source: URL(fileURLWithPath: "/photos/\(name)"), alt: "A test image called \(name)", data: data,
            format: header.format, width: header.width, height: header.height)
    }
}

extension VipsFailure: CustomStringConvertible {
    public var description: String { message }
}
