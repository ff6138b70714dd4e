import Foundation

/// How clients get an image's bytes and fit them to a network: read from disk or fetched
/// through an ``HTTPTransport``, format sniffed from the bytes (``ImageHeader``), checked
/// against the network's ``ImageLimits``, and scaled by an ``ImageResizer`` when one is set.
///
/// One pipeline is shared by every client of a run (it lives in ``DeliveryEnvironment``), so
/// an image is downloaded once however many networks it goes to.
///
/// ```swift
/// var environment = DeliveryEnvironment(transport: CurlTransport())
/// environment.images.resizer = VipsImageResizer.shared   // import SyndicateImages
/// ```
public struct ImagePipeline: Sendable {
    /// Where remote (`http(s)`) images are read from.
    public enum RemoteImages: Sendable {
        /// Through the delivery transport; not at all when that is a ``DryRunTransport``.
        case deliveryTransport
        /// Through this transport (a dry run that should read the real bytes).
        case transport(any HTTPTransport)
        /// Never: a dry run shows a note in place of the bytes.
        case notFetched
    }

    /// Where remote images are read from.
    public var remote: RemoteImages
    /// The image library that scales images over a limit; nil leaves them out with a warning.
    public var resizer: (any ImageResizer)?
    /// The largest image read or downloaded, in bytes.
    public var maximumDownloadBytes: Int
    /// How long one download may take.
    public var timeout: Duration
    /// Media ids already uploaded, so that a retry attaches them instead of uploading again.
    public var uploads: any MediaUploadMemory
    /// The most pixels an image may claim before it is decoded for fitting: a small file can
    /// declare 50,000 × 50,000 pixels and ask for gigabytes of memory.
    public var maximumDecodedPixels = 100_000_000
    private let cache = ImageCache()

    /// Creates a pipeline.
    public init(
        remote: RemoteImages = .deliveryTransport, resizer: (any ImageResizer)? = nil,
        maximumDownloadBytes: Int = 50 * 1024 * 1024, timeout: Duration = .seconds(30),
        uploads: any MediaUploadMemory = InMemoryMediaUploads()
    ) {
        self.remote = remote
        self.resizer = resizer
        self.maximumDownloadBytes = maximumDownloadBytes
        self.timeout = timeout
        self.uploads = uploads
    }

    /// `image` read, sniffed and fitted to `limits`.
    ///
    /// - Parameters:
    ///   - image: The image as the post has it (alt text already fitted by the composer).
    ///   - limits: The network's limits.
    ///   - transport: The delivery transport, used for remote images under `.deliveryTransport`.
    /// - Throws: ``ImageError``: `.unreadable`, `.fetchFailed`, `.notAnImage`, `.corrupt`, or
    ///   `.tooLarge` when the image is over a limit and no resizer could fit it.
    public func prepare(_ image: Post.Image, limits: ImageLimits, transport: any HTTPTransport) async throws(ImageError) -> PreparedImage {
        let source = image.url
        let alt = image.alt ?? ""
        let reader: (any HTTPTransport)?
        switch remote {
        case .deliveryTransport: reader = transport is DryRunTransport ? nil : transport
        case .transport(let chosen): reader = chosen
        case .notFetched: reader = nil
        }
        if !source.isFileURL, reader == nil {
            let format = Self.formatGuess(source)
            return PreparedImage(
                source: source, alt: alt, data: PreparedImage.unfetchedNote(source), format: format,
                width: image.width, height: image.height, isFetched: false)
        }
        let data = try await bytes(of: source, through: reader)
        guard let header = ImageHeader(data) else {
            throw ImageError(
                .notAnImage, image: source,
                message: "\(ImageError.name(of: source)) is not a JPEG, PNG, GIF, WebP, AVIF or HEIC image (\(data.isEmpty ? "it is empty" : "its first bytes are no image's"))",
                fix: "point the post at the image file itself, not a page or a thumbnail service, or replace the file")
        }
        let prepared = PreparedImage(
            source: source, alt: alt, data: data, format: header.format, width: header.uprightWidth ?? image.width,
            height: header.uprightHeight ?? image.height)
        if limits.formats.contains(header.format), limits.admits(bytes: data.count, width: prepared.width, height: prepared.height) {
            return prepared
        }
        let over = Self.overLimit(prepared, limits: limits)
        if let width = prepared.width, let height = prepared.height,
            ImageLimits.pixelCount(width: width, height: height) > maximumDecodedPixels
        {
            throw ImageError(
                .tooLarge, image: source,
                message: "\(ImageError.name(of: source)) claims \(width)×\(height) pixels, more than the \(maximumDecodedPixels) an image may have to be scaled",
                fix: "make the image smaller")
        }
        guard let resizer else {
            throw ImageError(
                .tooLarge, image: source,
                message: "\(ImageError.name(of: source)) is \(over), and no image library is built in to scale or convert it",
                fix: "install libvips (the libvips42 package on Debian and Ubuntu) so that an image library scales it, or make the image smaller")
        }
        let fitted = try await Self.offThePool { () throws(ImageError) -> PreparedImage in try resizer.fit(prepared, within: limits) }
        guard limits.formats.contains(fitted.format), limits.admits(bytes: fitted.data.count, width: fitted.width, height: fitted.height) else {
            throw ImageError(
                .tooLarge, image: source,
                message: "\(ImageError.name(of: source)) is still \(Self.overLimit(fitted, limits: limits)) after \(resizer.name) scaled it",
                fix: "make the image smaller or simpler (a photograph rather than a detailed scan)")
        }
        var result = fitted
        result.source = source
        result.alt = alt
        result.isFetched = true
        result.wasFitted = true
        return result
    }

    /// The public `http(s)` URL of `image`, for networks that fetch images themselves.
    ///
    /// - Throws: ``ImageError`` `.notPublic` for a local file or another scheme.
    public func publicURL(of image: Post.Image, network: SocialNetwork) throws(ImageError) -> URL {
        let scheme = image.url.scheme?.lowercased()
        guard scheme == "https" || scheme == "http", let host = image.url.host, !host.isEmpty else {
            throw ImageError(
                .notPublic, image: image.url,
                message: "\(network.displayName) fetches images from their web address, and \(ImageError.name(of: image.url)) has none",
                fix: "publish the image on the site and give its https URL in the post")
        }
        return image.url
    }

    /// What limit `image` is over, as a phrase.
    static func overLimit(_ image: PreparedImage, limits: ImageLimits) -> String {
        let grouped = { (value: Int) in value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
        if !limits.formats.contains(image.format) {
            let accepted = limits.formats.map(\.fileExtension).sorted().joined(separator: ", ")
            return "\(image.format.mimeType), which the network does not take (it takes \(accepted))"
        }
        if let maximum = limits.maximumBytes, image.data.count > maximum {
            return "\(grouped(image.data.count)) bytes, over the limit of \(grouped(maximum))"
        }
        if let width = image.width, let height = image.height {
            if let maximum = limits.maximumPixels, ImageLimits.pixelCount(width: width, height: height) > maximum {
                return "\(width)×\(height) pixels, over the limit of \(grouped(maximum)) pixels"
            }
            if let maximum = limits.maximumSide, max(width, height) > maximum {
                return "\(width)×\(height) pixels, over the limit of \(maximum) a side"
            }
        }
        return "over the network's limits (\(limits.summary))"
    }

    /// The format a URL's extension suggests, for an image not fetched; JPEG when it says none.
    static func formatGuess(_ url: URL) -> ImageFormat {
        ImageFormat(fileExtension: url.pathExtension) ?? .jpeg
    }

    /// The bytes of `source`: read from disk, or downloaded once per pipeline.
    private func bytes(of source: URL, through reader: (any HTTPTransport)?) async throws(ImageError) -> Data {
        if let cached = await cache.data(for: source) { return cached }
        let data: Data
        if source.isFileURL {
            data = try readFile(source)
        } else if let reader {
            data = try await download(source, through: reader)
        } else {
            throw ImageError(.fetchFailed, image: source, message: "\(ImageError.name(of: source)) was not fetched", fix: "fetch remote images")
        }
        await cache.store(data, for: source)
        return data
    }

    private func readFile(_ source: URL) throws(ImageError) -> Data {
        let path = source.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw ImageError(
                .unreadable, image: source, message: "the image file \(path) does not exist or cannot be read",
                fix: "check the path in the post (relative paths are read from the post file's folder)")
        }
        if let size = attributes[.size] as? Int, size > maximumDownloadBytes {
            throw ImageError(
                .tooLarge, image: source, message: "the image file \(path) is \(size) bytes, over the \(maximumDownloadBytes)-byte limit for an image",
                fix: "make the image smaller")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImageError(.unreadable, image: source, message: "the image file \(path) cannot be read", fix: "check the file's permissions")
        }
        return data
    }

    private func download(_ source: URL, through transport: any HTTPTransport) async throws(ImageError) -> Data {
        let scheme = source.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw ImageError(.unreadable, image: source, message: "\(ImageError.name(of: source)) is neither a file nor an http(s) address", fix: "give the image as an https URL or a file path")
        }
        // Images move (http to https, a CDN, a resizing service): follow up to five redirects,
        // http(s) only, since transports deliberately follow none.
        var current = source
        var response = try await fetch(current, through: transport, naming: source)
        for _ in 0..<Self.maximumRedirects {
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["Location"] else { break }
            guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
                ["http", "https"].contains(next.scheme?.lowercased() ?? "")
            else {
                throw ImageError(
                    .fetchFailed, image: source, message: "\(ImageError.name(of: source)) redirects to an address that is not http(s)",
                    fix: "give the image's final https address in the post")
            }
            current = next
            response = try await fetch(current, through: transport, naming: source)
        }
        guard (200..<300).contains(response.status) else {
            throw ImageError(
                .fetchFailed, image: source, message: "\(ImageError.name(of: source)) answered HTTP \(response.status)",
                fix: response.status >= 500 || response.status == 429 ? "run again later" : "correct the image's address in the post",
                isTransient: response.status >= 500 || response.status == 429)
        }
        guard response.body.count <= maximumDownloadBytes else {
            throw ImageError(
                .tooLarge, image: source, message: "\(ImageError.name(of: source)) is \(response.body.count) bytes, over the \(maximumDownloadBytes)-byte limit for an image",
                fix: "make the image smaller")
        }
        return response.body
    }
}

extension ImagePipeline {
    /// Runs `work` (decoding and encoding: seconds of CPU) on a dispatch queue, so that it never
    /// holds one of the few threads every other delivery's async work runs on.
    static func offThePool(_ work: @escaping @Sendable () throws(ImageError) -> PreparedImage) async throws(ImageError) -> PreparedImage {
        let result: Result<PreparedImage, ImageError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do throws(ImageError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// The most redirects followed for one image.
    static let maximumRedirects = 5

    /// One `GET` of `url` for the image `source`.
    fileprivate func fetch(_ url: URL, through transport: any HTTPTransport, naming source: URL) async throws(ImageError) -> HTTPResponse {
        let request = HTTPRequest(method: .get, url: url, headers: ["Accept": "image/*"], timeout: timeout)
        do {
            return try await transport.send(request)
        } catch {
            // A host that cannot be reached at all (no such name, connection refused) is a wrong
            // address more often than a passing fault: the post goes without the image. A
            // timeout or a broken connection may pass: the delivery is tried again.
            let unreachable = (error as? HTTPTransportError)?.kind == .connectionFailed
            throw ImageError(
                .fetchFailed, image: source, message: "\(ImageError.name(of: source)) could not be downloaded (\(error))",
                fix: unreachable ? "check the image's address in the post" : "check that the image is online and run again",
                isTransient: !unreachable)
        }
    }
}

/// Downloaded image bytes by URL, shared by every copy of a pipeline.
actor ImageCache {
    private var entries: [URL: Data] = [:]

    func data(for url: URL) -> Data? { entries[url] }

    func store(_ data: Data, for url: URL) {
        if entries.count >= 64 { entries.removeAll() }
        entries[url] = data
    }
}
