import Foundation

/// Why a template could not be used or a post could not be composed.
///
/// Every message names the input, the problem and the fix.
public struct ComposeError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A template names a placeholder Syndicate does not know.
        case unknownPlaceholder(String)
        /// A template has a `{` without a matching `}`.
        case unclosedPlaceholder
        /// The post has nothing to say: no title, summary, body or link.
        case emptyPost
        /// Even the parts that cannot be shortened (the link, the template's own text) are over
        /// the network's limit.
        case doesNotFit(length: Int, limit: Int)
        /// The network has no ``NetworkDefinition`` in the configuration's registry.
        case unknownNetwork(String)
        /// ``ImagePolicy/requiresAltText`` is set and the image at this address has no alt text.
        case missingAltText(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The sentence for a person: what, where, and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// ``message``.
    public var description: String { message }

    /// ``message``.
    public var errorDescription: String? { message }
}
