import CSyndicateVips
import Foundation

/// libvips' error text for a call that failed.
struct VipsFailure: Error, Sendable {
    /// What libvips said, its lines joined with "; ".
    var message: String
}

/// libvips as CSyndicateVips loads it: whether it is there, and its version.
enum VipsLibrary {
    /// Nil when libvips is loaded and initialised, else why not (`libvips could not be loaded
    /// (libvips.so.42: cannot open shared object file…)`). Loads it on the first call.
    static let loadFailure: String? = {
        var message = [CChar](repeating: 0, count: 512)
        guard syndicate_vips_load(&message, message.count) == 0 else { return nil }
        return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// `8.14.1`, or nil when libvips is not loaded.
    static var version: String? {
        guard loadFailure == nil else { return nil }
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        syndicate_vips_version(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }

    /// Runs a CSyndicateVips call that reports failure as nil, with room for its error text.
    static func call<Value>(_ body: (UnsafeMutablePointer<CChar>, Int) -> Value?) throws(VipsFailure) -> Value {
        var message = [CChar](repeating: 0, count: 512)
        let count = message.count
        let value = message.withUnsafeMutableBufferPointer { body($0.baseAddress!, count) }
        guard let value else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw VipsFailure(message: text.isEmpty ? "libvips gave no reason" : text)
        }
        return value
    }
}

/// A decoded image in memory, owned by libvips and released with this object. Used by one
/// thread at a time (one `fit` call).
final class VipsImage {
    private let handle: OpaquePointer

    private init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { syndicate_vips_release(handle) }

    /// Width in pixels.
    var width: Int { Int(syndicate_vips_width(handle)) }
    /// Height in pixels.
    var height: Int { Int(syndicate_vips_height(handle)) }
    /// Whether there is an alpha (transparency) band.
    var hasAlpha: Bool { syndicate_vips_has_alpha(handle) != 0 }

    /// The size of the encoded image in `data` once upright (EXIF orientation applied), from
    /// its header alone.
    static func uprightSize(of data: Data) throws(VipsFailure) -> (width: Int, height: Int) {
        guard !data.isEmpty else { throw VipsFailure(message: "the file is empty") }
        var width: Int32 = 0, height: Int32 = 0
        _ = try VipsLibrary.call { error, capacity -> Bool? in
            data.withUnsafeBytes { raw in
                syndicate_vips_upright_size(raw.baseAddress!, raw.count, &width, &height, error, capacity) == 0 ? nil : true
            }
        }
        return (Int(width), Int(height))
    }

    /// `data` decoded, turned upright, and scaled down (never up) to fit `width` × `height`.
    static func decode(_ data: Data, fittingIn width: Int, _ height: Int) throws(VipsFailure) -> VipsImage {
        guard !data.isEmpty else { throw VipsFailure(message: "the file is empty") }
        let handle = try VipsLibrary.call { error, capacity in
            data.withUnsafeBytes { raw in
                syndicate_vips_decode(raw.baseAddress!, raw.count, Int32(clamping: width), Int32(clamping: height), error, capacity)
            }
        }
        return VipsImage(handle)
    }

    /// This image scaled down (never up) to fit `width` × `height`.
    func shrunk(fittingIn width: Int, _ height: Int) throws(VipsFailure) -> VipsImage {
        let handle = try VipsLibrary.call { error, capacity in
            syndicate_vips_shrink(self.handle, Int32(clamping: width), Int32(clamping: height), error, capacity)
        }
        return VipsImage(handle)
    }

    /// A baseline JPEG of `quality` (1–100), transparency flattened onto white, metadata stripped.
    func jpeg(quality: Int) throws(VipsFailure) -> Data {
        try bytes { bytes, length, error, capacity in
            syndicate_vips_save_jpeg(handle, Int32(quality), bytes, length, error, capacity)
        }
    }

    /// A PNG, transparency kept, metadata stripped.
    func png() throws(VipsFailure) -> Data {
        try bytes { bytes, length, error, capacity in syndicate_vips_save_png(handle, bytes, length, error, capacity) }
    }

    /// The image in the format a file suffix names, options in brackets (`.webp[Q=90]`, `.gif`).
    func encoded(as suffix: String) throws(VipsFailure) -> Data {
        try bytes { bytes, length, error, capacity in
            syndicate_vips_save_as(handle, suffix, bytes, length, error, capacity)
        }
    }

    /// A synthetic sRGB image (gradients, a noisy band, optional grain, alpha and EXIF
    /// orientation) for tests and measurements; see `syndicate_vips_synthetic`.
    static func synthetic(
        width: Int, height: Int, alpha: Bool = false, noise: Double = 0, orientation: Int = 0
    ) throws(VipsFailure) -> VipsImage {
        let handle = try VipsLibrary.call { error, capacity in
            syndicate_vips_synthetic(
                Int32(clamping: width), Int32(clamping: height), alpha ? 1 : 0, noise, Int32(clamping: orientation), error,
                capacity)
        }
        return VipsImage(handle)
    }

    private func bytes(
        _ save: (UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>, Int) -> Int32
    ) throws(VipsFailure) -> Data {
        var pointer: UnsafeMutableRawPointer?
        var length = 0
        _ = try VipsLibrary.call { error, capacity -> Bool? in save(&pointer, &length, error, capacity) == 0 ? nil : true }
        guard let pointer else { throw VipsFailure(message: "libvips returned no bytes") }
        defer { syndicate_vips_free(pointer) }
        return Data(bytes: pointer, count: length)
    }
}
