import Foundation

/// The networks Syndicate knows, each with its ``NetworkDefinition``, in the order they are
/// listed, composed for and posted to.
///
/// ``builtIn`` holds the networks that ship with Syndicate. ``ComposerConfiguration/networks``,
/// ``CrossPoster`` and ``DryRunTransport`` look networks up in a registry, so a network of your
/// own joins them by registering its definition:
///
/// ```swift
/// let networks = NetworkRegistry.builtIn.registering(IntranetNetwork())
/// networks.definition(for: .mastodon)?.rule.limit   // 500
/// networks.network(named: "twitter")                // .x
/// ```
public struct NetworkRegistry: Sendable {
    /// The definitions, in order.
    public private(set) var definitions: [any NetworkDefinition]
    private var indexByName: [String: Int]
    /// Each network's default template, parsed once when registered.
    private var templates: [String: PostTemplate]

    /// A registry of `definitions`, in that order; a later definition of the same network
    /// replaces an earlier one in place.
    public init(_ definitions: [any NetworkDefinition]) {
        self.definitions = []
        self.indexByName = [:]
        self.templates = [:]
        for definition in definitions { register(definition) }
    }

    /// Adds `definition`, or replaces the definition of the same network where it stands.
    public mutating func register(_ definition: any NetworkDefinition) {
        if let index = indexByName[definition.network.rawValue] {
            definitions[index] = definition
        } else {
            indexByName[definition.network.rawValue] = definitions.count
            definitions.append(definition)
        }
        templates[definition.network.rawValue] = (try? PostTemplate(definition.defaultTemplate)) ?? .fallback
    }

    /// This registry with `definition` added (or replacing the same network's).
    public func registering(_ definition: any NetworkDefinition) -> NetworkRegistry {
        var copy = self
        copy.register(definition)
        return copy
    }

    /// The networks, in order.
    public var networks: [SocialNetwork] { definitions.map(\.network) }

    /// The definition of `network`, or nil when it is not registered.
    public func definition(for network: SocialNetwork) -> (any NetworkDefinition)? {
        indexByName[network.rawValue].map { definitions[$0] }
    }

    /// The default template of `network`: its definition's, parsed; `{summary} {link}` for a
    /// network that is not registered or whose template does not parse.
    public func defaultTemplate(for network: SocialNetwork) -> PostTemplate {
        templates[network.rawValue] ?? .fallback
    }

    /// The network named `name`: a raw value or an alias, in any case; nil when none has it.
    public func network(named name: String) -> SocialNetwork? {
        let lowered = name.lowercased()
        if let index = indexByName[lowered] { return definitions[index].network }
        return definitions.first { $0.aliases.contains(lowered) }?.network
    }

    /// The client for `settings.network`.
    ///
    /// - Throws: ``DeliveryError`` `.invalidConfiguration` when the network is not registered,
    ///   or what the network's ``NetworkDefinition/makeClient(settings:environment:)`` throws.
    public func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        guard let definition = definition(for: settings.network) else {
            throw DeliveryError(
                .invalidConfiguration, network: settings.network, account: settings.account,
                message: "no definition of the network '\(settings.network.rawValue)' is registered",
                fix: "register the network's NetworkDefinition in the NetworkRegistry used, or name one of \(networks.map(\.rawValue).joined(separator: ", ")).")
        }
        return try definition.makeClient(settings: settings, environment: environment)
    }

    /// Stand-in settings of `network` for a dry run without credentials (``AccountSettings/Origin/placeholders``).
    public func placeholders(for network: SocialNetwork, account: String = "default") -> AccountSettings {
        AccountSettings(
            network: network, account: account, values: definition(for: network)?.placeholderSettings ?? [:],
            origin: .placeholders)
    }

    /// `settings` with every setting a dry run needs and lacks filled from the network's placeholders.
    public func fillingPlaceholders(_ settings: AccountSettings) -> AccountSettings {
        var filled = settings
        for (key, value) in definition(for: settings.network)?.missingPlaceholders(in: settings) ?? [:] {
            filled.values[key] = value
        }
        return filled
    }

    /// The values of every secret setting of `settings`, longest first: all but the common
    /// public settings and the network's own public ones.
    public func secrets(of settings: AccountSettings) -> [String] {
        settings.secrets(besides: definition(for: settings.network)?.publicSettings ?? [])
    }

    /// The answer a dry run gives `request`: the first registered network's that claims it.
    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        for definition in definitions {
            if let response = definition.dryRunResponse(to: request, number: number) { return response }
        }
        return nil
    }

    /// The built-in networks by raw value.
    static let builtInNetworksByName: [String: SocialNetwork] = Dictionary(
        uniqueKeysWithValues: builtIn.networks.map { ($0.rawValue, $0) })
}
