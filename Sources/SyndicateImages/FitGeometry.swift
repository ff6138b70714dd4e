import Syndicate

/// The arithmetic of fitting: the largest size, aspect ratio kept, within a network's pixel and
/// side limits, and how much smaller to try when the bytes are still over.
enum FitGeometry {
    /// The largest `width` × `height` box with the image's aspect ratio (to the pixel below)
    /// whose area is at most `limits.maximumPixels` and whose longest side is at most
    /// `limits.maximumSide`; the image's own size when it is within both.
    static func box(width: Int, height: Int, within limits: ImageLimits) -> (width: Int, height: Int) {
        guard width > 0, height > 0 else { return (max(width, 1), max(height, 1)) }
        var scale = 1.0
        if let maximum = limits.maximumPixels, ImageLimits.pixelCount(width: width, height: height) > maximum {
            scale = min(scale, (Double(max(maximum, 1)) / (Double(width) * Double(height))).squareRoot())
        }
        if let maximum = limits.maximumSide, max(width, height) > maximum {
            scale = min(scale, Double(max(maximum, 1)) / Double(max(width, height)))
        }
        return scaled(width: width, height: height, by: scale, within: limits)
    }

    /// `width` × `height` times `scale` (at most 1), rounded down, at least 1 × 1, and brought
    /// under the pixel and side limits if rounding left it a pixel over.
    static func scaled(width: Int, height: Int, by scale: Double, within limits: ImageLimits) -> (width: Int, height: Int) {
        let scale = min(scale, 1)
        var box = (width: max(1, Int((Double(width) * scale).rounded(.down))), height: max(1, Int((Double(height) * scale).rounded(.down))))
        var steps = 0
        while !limits.admits(bytes: 0, width: box.width, height: box.height), box.width > 1 || box.height > 1, steps < 64 {
            box = (max(1, box.width - max(1, box.width / 200)), max(1, box.height - max(1, box.height / 200)))
            steps += 1
        }
        return box
    }

    /// How much smaller (linear factor) to make an image whose smallest encoding was `bytes`
    /// to get under `maximum`: bytes grow with the area, so the square root of the ratio, with a
    /// margin; never less than 0.25 nor more than 0.8 of the current size per step.
    static func nextScale(bytes: Int, maximum: Int) -> Double {
        guard bytes > 0, maximum > 0 else { return 0.8 }
        let estimate = (Double(maximum) / Double(bytes)).squareRoot() * 0.95
        return min(0.8, max(0.25, estimate))
    }
}
