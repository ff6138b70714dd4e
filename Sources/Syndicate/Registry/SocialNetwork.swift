import Foundation

/// The name of a social network Syndicate can count for and post to.
///
/// An open set, like ``HTTPRequest/Method``: the built-in networks are the static members
/// (``x``, ``mastodon``, ``bluesky`` …), each described by a ``NetworkDefinition`` in
/// ``NetworkRegistry/builtIn``, and a network of your own is one more value with its own
/// definition:
///
/// ```swift
/// extension SocialNetwork {
///     static let intranet = SocialNetwork("intranet", displayName: "Intranet")
/// }
/// ```
///
/// Two values are equal when their ``rawValue``s are; the raw value is the name the command line
/// and config files accept (`syndicate count --network bluesky`) and what JSON and ledgers store.
public struct SocialNetwork: RawRepresentable, Sendable, Hashable, Comparable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// The network's name in lower case: `x`, `mastodon`, `linkedin`.
    public let rawValue: String
    /// The network's name as people write it: `X`, `Mastodon`, `LinkedIn`.
    public let displayName: String

    /// Creates a network named `rawValue` (lower-cased); its display name is a built-in
    /// network's, else `rawValue` with a capital first letter. Nil for an empty name.
    public init?(rawValue: String) {
        let name = rawValue.lowercased()
        guard !name.isEmpty else { return nil }
        if let known = NetworkRegistry.builtInNetworksByName[name] {
            self = known
        } else {
            self.init(name, displayName: name.prefix(1).uppercased() + name.dropFirst())
        }
    }

    /// Creates a network with its name and the name people write.
    ///
    /// - Parameters:
    ///   - rawValue: The name in lower case, as the command line and stored data use it.
    ///   - displayName: The name as people write it.
    public init(_ rawValue: String, displayName: String) {
        self.rawValue = rawValue.lowercased()
        self.displayName = displayName
    }

    /// The built-in network named `name`: a raw value or an alias such as `twitter`, in any case.
    ///
    /// - Parameter name: A name such as `bluesky`, `X` or `twitter`.
    /// - Returns: The network, or nil when no built-in network has that name.
    public init?(name: String) {
        guard let network = NetworkRegistry.builtIn.network(named: name) else { return nil }
        self = network
    }

    /// The built-in networks, in ``NetworkRegistry/builtIn``'s order.
    public static var allCases: [SocialNetwork] { NetworkRegistry.builtIn.networks }

    /// ``rawValue``.
    public var description: String { rawValue }

    public static func == (lhs: SocialNetwork, rhs: SocialNetwork) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Orders by ``rawValue``.
    public static func < (lhs: SocialNetwork, rhs: SocialNetwork) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let network = SocialNetwork(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "A network name is empty.")
        }
        self = network
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
