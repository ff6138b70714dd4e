import Foundation

/// Which of a post's images go to each network, and what a missing alt text means.
///
/// ```swift
/// var configuration = ComposerConfiguration()
/// configuration.images.maximumImages[.x] = 1      // one image on X, whatever the post has
/// configuration.images.requiresAltText = true     // refuse to post an image nobody described
/// ```
public struct ImagePolicy: Sendable, Hashable {
    /// The most images per network, below the network's own maximum (``ImageLimits/maximumCount``);
    /// a network not named takes up to its maximum.
    public var maximumImages: [SocialNetwork: Int]
    /// Whether an image without alt text is an error (``ComposeError/Kind/missingAltText(_:)``)
    /// rather than a warning.
    public var requiresAltText: Bool
    /// Whether images go out at all.
    public var attachesImages: Bool

    /// Creates a policy: every network takes up to its maximum, a missing alt text is a warning.
    public init(maximumImages: [SocialNetwork: Int] = [:], requiresAltText: Bool = false, attachesImages: Bool = true) {
        self.maximumImages = maximumImages
        self.requiresAltText = requiresAltText
        self.attachesImages = attachesImages
    }

    /// Up to each network's maximum, alt text missing is a warning.
    public static let `default` = ImagePolicy()
    /// No images anywhere.
    public static let none = ImagePolicy(attachesImages: false)

    /// The most images `network` gets under this policy and its limits.
    public func maximum(for network: SocialNetwork, limits: ImageLimits) -> Int {
        guard attachesImages else { return 0 }
        return max(0, min(limits.maximumCount, maximumImages[network] ?? limits.maximumCount))
    }
}
