import Syndicate
@testable import SyndicateImages
import Testing

/// The size arithmetic, which needs no libvips.
@Suite("Fit geometry")
struct FitGeometryTests {
    @Test("a box within the pixel and side limits keeps the aspect ratio to the pixel below")
    func box() {
        let pixels = ImageLimits(maximumCount: 4, maximumPixels: 2_000_000)
        let box = FitGeometry.box(width: 4000, height: 3000, within: pixels)
        #expect(box.width * box.height <= 2_000_000 && box.width * box.height > 1_990_000)
        #expect(abs(3 * box.width - 4 * box.height) <= 4)

        #expect(FitGeometry.box(width: 4000, height: 3000, within: ImageLimits(maximumCount: 4, maximumSide: 1000)) == (1000, 750))
        #expect(FitGeometry.box(width: 3000, height: 4000, within: ImageLimits(maximumCount: 4, maximumSide: 1000)) == (750, 1000))
        // Mastodon's limit leaves 12 MP alone; no limits leave anything alone.
        #expect(FitGeometry.box(width: 4000, height: 3000, within: ImageLimits(maximumCount: 4, maximumPixels: 33_177_600)) == (4000, 3000))
        #expect(FitGeometry.box(width: 7, height: 5, within: ImageLimits(maximumCount: 4)) == (7, 5))
        // A very long strip still gets at least a pixel a side.
        #expect(FitGeometry.box(width: 100_000, height: 10, within: ImageLimits(maximumCount: 4, maximumSide: 1000)) == (1000, 1))
    }

    @Test("the next scale follows the square root of how far over the bytes are, between 0.25 and 0.8")
    func nextScale() {
        #expect(FitGeometry.nextScale(bytes: 1_100_000, maximum: 1_000_000) == 0.8)
        #expect(abs(FitGeometry.nextScale(bytes: 4_000_000, maximum: 1_000_000) - 0.475) < 0.001)
        #expect(FitGeometry.nextScale(bytes: 100_000_000, maximum: 1_000_000) == 0.25)
    }
}
