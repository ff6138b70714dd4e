import Foundation

/// Chooses the images of a post that go to one network and fits their alt text.
///
/// The lead image always goes first. When the network (or the ``ImagePolicy``) takes fewer
/// images than the post has, images with alt text are preferred over those without, then the
/// post's order; the chosen images keep the post's order. Alt text longer than the network
/// allows is cut the way summaries are: whole sentences while they fit, then at a clause or a
/// word, with `…`.
struct ImageSelection {
    let network: SocialNetwork
    let limits: ImageLimits
    let policy: ImagePolicy
    let language: String?

    /// The images for the network and the warnings about what was left out or undescribed.
    ///
    /// - Throws: ``ComposeError`` `.missingAltText` when the policy requires alt text and a
    ///   chosen image has none.
    func select(from images: [Post.Image]) throws(ComposeError) -> (images: [Post.Image], warnings: [SharePayload.Warning]) {
        let maximum = policy.maximum(for: network, limits: limits)
        guard maximum > 0, !images.isEmpty else { return ([], []) }
        var warnings: [SharePayload.Warning] = []
        var images = images
        if limits.transfer == .publicURL {
            // The network fetches images itself: a local file cannot reach it.
            for image in images where !Self.isPublic(image.url) {
                warnings.append(.init(.imageLeftOut, "The image \(ImageError.name(of: image.url)) is left out: \(network.displayName) fetches images from their web address, and it has none; publish it on the site and give its https URL."))
            }
            images.removeAll { !Self.isPublic($0.url) }
            // Nor can it take a format it refuses (Threads: JPEG and PNG); the name is all there is to go by.
            for image in images {
                guard let format = ImageFormat(fileExtension: image.url.pathExtension), !limits.formats.contains(format) else { continue }
                warnings.append(.init(.imageLeftOut, "The image \(ImageError.name(of: image.url)) is left out: it is \(format.mimeType), which \(network.displayName) does not take."))
            }
            images.removeAll { ImageFormat(fileExtension: $0.url.pathExtension).map { !limits.formats.contains($0) } ?? false }
            guard !images.isEmpty else { return ([], warnings) }
        }
        var chosen = Array(images.indices)
        if images.count > maximum {
            let rest = images.indices.dropFirst().sorted { a, b in
                let (altA, altB) = (Self.hasAlt(images[a]), Self.hasAlt(images[b]))
                return altA != altB ? altA : a < b
            }
            chosen = ([0] + rest.prefix(maximum - 1)).sorted()
            let left = images.count - maximum
            warnings.append(.init(.imagesDropped, "\(left) of \(images.count) images left out: \(network.displayName) takes at most \(maximum)."))
        }
        var result: [Post.Image] = []
        for index in chosen {
            var image = images[index]
            if !Self.hasAlt(image) {
                if policy.requiresAltText {
                    throw ComposeError(
                        .missingAltText(image.url.absoluteString),
                        message: "The image \(ImageError.name(of: image.url)) has no alt text, and alt text is required; describe it (Markdown ![what it shows](…), HTML alt=\"…\") or leave the image out.")
                }
                if limits.carriesAltText {
                    warnings.append(.init(.imageWithoutAlt, "The image \(ImageError.name(of: image.url)) has no alt text; add one so that screen-reader users know what it shows."))
                }
                image.alt = nil
            } else if let alt = image.alt {
                let collapsed = Whitespace.collapse(alt)
                let fitted = fit(collapsed)
                if fitted != collapsed {
                    warnings.append(.init(.altTextCut, "The alt text of \(ImageError.name(of: image.url)) was cut with '…' to \(network.displayName)'s \(limits.altTextLimit ?? 0) \(limits.altTextCounter.unit.rawValue)."))
                }
                image.alt = fitted
            }
            result.append(image)
        }
        return (result, warnings)
    }

    /// `alt` cut to the network's alt-text limit by the summary rules.
    func fit(_ alt: String) -> String {
        guard let limit = limits.altTextLimit else { return alt }
        let counter = limits.altTextCounter
        let fits = { (text: String) in counter.measure(text, limit: limit).length <= limit }
        guard !fits(alt) else { return alt }
        let sentences = SentenceSplitter.sentences(in: alt)
        let fitter = SummaryFitter(maximumSentences: max(1, sentences.count), language: language)
        // Sentences in their own order: the first always, then the next while they fit.
        var kept: [String] = []
        for sentence in sentences {
            let candidate = (kept + [sentence]).joined(separator: " ")
            if fits(candidate) { kept.append(sentence) } else { break }
        }
        if !kept.isEmpty { return kept.joined(separator: " ") }
        return fitter.cut(sentences.first ?? alt, fits: fits)
    }

    static func isPublic(_ url: URL) -> Bool {
        let scheme = url.scheme?.lowercased()
        return (scheme == "https" || scheme == "http") && !(url.host ?? "").isEmpty
    }

    static func hasAlt(_ image: Post.Image) -> Bool {
        !(image.alt ?? "").allSatisfy(\.isWhitespace)
    }
}
