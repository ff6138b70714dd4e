import Foundation

/// The settings of one account on one network: credentials and options by their setting names
/// (`ACCESS_TOKEN`, `INSTANCE`, …), and where they came from, so that an error can say exactly
/// what to set.
///
/// From the environment, the account is `default` and each setting is the variable
/// `SYNDICATE_<NETWORK>_<SETTING>` (`SYNDICATE_MASTODON_ACCESS_TOKEN`). A config file may hold
/// several accounts per network with the same setting names.
///
/// ```swift
/// let settings = AccountSettings.environment(network: .mastodon)
/// let token = try settings.require("ACCESS_TOKEN")   // or: set SYNDICATE_MASTODON_ACCESS_TOKEN
/// ```
public struct AccountSettings: Sendable, Equatable {
    /// Where settings came from.
    public enum Origin: Sendable, Equatable {
        /// Environment variables `SYNDICATE_<NETWORK>_<SETTING>`.
        case environment
        /// An account in a config file.
        case configFile(path: String)
        /// Placeholders for a dry run without credentials.
        case placeholders
    }

    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// The settings by name (upper case, as in the variable names).
    public var values: [String: String]
    /// Where they came from.
    public var origin: Origin

    /// Creates settings.
    public init(network: SocialNetwork, account: String = "default", values: [String: String], origin: Origin = .environment) {
        self.network = network
        self.account = account
        self.values = values
        self.origin = origin
    }

    /// The environment variable of `setting` on `network`: `SYNDICATE_X_ACCESS_TOKEN`.
    public static func variableName(_ setting: String, on network: SocialNetwork) -> String {
        "SYNDICATE_\(network.rawValue.uppercased())_\(setting)"
    }

    /// The `default` account of `network` from `environment`: every `SYNDICATE_<NETWORK>_*`
    /// variable that is set and not empty.
    public static func environment(
        network: SocialNetwork, _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AccountSettings {
        let prefix = variableName("", on: network)
        var values: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix(prefix) && !value.isEmpty {
            values[String(name.dropFirst(prefix.count))] = value
        }
        return AccountSettings(network: network, values: values, origin: .environment)
    }

    /// The value of `setting`, nil when absent or empty.
    public func value(_ setting: String) -> String? {
        guard let value = values[setting], !value.isEmpty else { return nil }
        return value
    }

    /// The value of `setting`.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the variable (or config key) to set.
    public func require(_ setting: String) throws(DeliveryError) -> String {
        guard let value = value(setting) else { throw missing(setting) }
        return value
    }

    /// The value of `setting` as an absolute http(s) URL, or `fallback` when absent.
    ///
    /// - Throws: ``DeliveryError`` `.invalidConfiguration` when it is not such a URL.
    public func url(_ setting: String, default fallback: String) throws(DeliveryError) -> URL {
        var text = value(setting) ?? fallback
        if !text.contains("://") { text = "https://" + text }   // INSTANCE=mastodon.social
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw DeliveryError(
                .invalidConfiguration, network: network, account: account,
                message: "\(location(of: setting)) is not an http(s) URL",
                fix: "set \(location(of: setting)) to an address such as https://example.social.")
        }
        return url
    }

    /// The error for a missing setting, naming where to set it.
    public func missing(_ setting: String) -> DeliveryError {
        DeliveryError(
            .missingCredential, network: network, account: account,
            message: "the setting \(setting) is missing",
            fix: "set \(location(of: setting)) and run again.")
    }

    /// Where `setting` is set, as a person types it: the variable, or the key in the config file.
    public func location(of setting: String) -> String {
        switch origin {
        case .environment, .placeholders:
            return Self.variableName(setting, on: network)
        case .configFile(let path):
            return "\(setting) of \(network.rawValue) account '\(account)' in \(path) (or \(Self.variableName(setting, on: network)))"
        }
    }

    /// The settings that are not secret: addresses, ids and options. Everything else
    /// (tokens, secrets, passwords, webhook URLs) is redacted wherever it would be shown.
    public static let publicSettings: Set<String> = [
        "API_BASE", "INSTANCE", "SERVICE", "HANDLE", "PAGE_ID", "AUTHOR", "USER_ID", "CHAT_ID", "VISIBILITY",
        "LANGUAGE", "API_VERSION", "USERNAME", "CHANNEL", "THREAD_ID",
    ]

    /// The values of every secret setting, longest first (so that redaction replaces a secret
    /// before any shorter secret inside it).
    public var secrets: [String] { secrets(besides: []) }

    /// The values of every secret setting, longest first, treating `publicSettings` (a
    /// network's own addresses and ids) as public too.
    public func secrets(besides publicSettings: Set<String>) -> [String] {
        values.filter { !Self.publicSettings.contains($0.key) && !publicSettings.contains($0.key) && !$0.value.isEmpty }
            .map(\.value).sorted { $0.count > $1.count }
    }
}
