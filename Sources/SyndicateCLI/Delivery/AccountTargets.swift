import ArgumentParser
import Foundation
import Syndicate

/// The accounts a `--to` list names, with their settings from the config file or the
/// environment.
///
/// `--to mastodon,x` takes every account of those networks in the config file, or the
/// `default` account from `SYNDICATE_<NETWORK>_*` variables; `--to mastodon:school` takes one
/// account by name.
enum AccountTargets {
    /// One entry of `--to`: a network and, optionally, an account name.
    struct Entry: Equatable {
        var network: SocialNetwork
        var account: String?
    }

    /// The accepted network names, for help and errors.
    static let networkNames = SocialNetwork.allCases.map(\.rawValue).joined(separator: ", ")

    /// Parses `--to`: networks (or `network:account`, or `all` for every network),
    /// comma-separated, repeats dropped.
    static func entries(_ list: String) throws -> [Entry] {
        var result: [Entry] = []
        for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item.lowercased() == "all" {
                for network in SocialNetwork.allCases where !result.contains(Entry(network: network, account: nil)) {
                    result.append(Entry(network: network, account: nil))
                }
                continue
            }
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard let network = SocialNetwork(name: parts[0]) else {
                throw ValidationError("Unknown network '\(parts[0])' in --to. Use one or more of: \(networkNames) (optionally network:account), or all, separated by commas.")
            }
            let entry = Entry(network: network, account: parts.count > 1 ? parts[1] : nil)
            if !result.contains(entry) { result.append(entry) }
        }
        guard !result.isEmpty else {
            throw ValidationError("--to names no network. Use one or more of: \(networkNames), separated by commas.")
        }
        return result
    }

    /// The settings of every account `entries` name, in order. A named account missing from the
    /// config is an error; a network with no config accounts gets its environment account.
    static func settings(
        for entries: [Entry], config: ConfigFile?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [AccountSettings] {
        var result: [AccountSettings] = []
        for entry in entries {
            let configured = config?.accounts[entry.network] ?? []
            let candidates = configured.isEmpty ? [AccountSettings.environment(network: entry.network, environment)] : configured
            if let name = entry.account {
                guard let match = candidates.first(where: { $0.account == name }) else {
                    let known = candidates.map(\.account).joined(separator: ", ")
                    throw ValidationError("No \(entry.network.rawValue) account named '\(name)'; the accounts are: \(known). Add it to the config file or use one of those.")
                }
                if !result.contains(match) { result.append(match) }
            } else {
                for candidate in candidates where !result.contains(candidate) { result.append(candidate) }
            }
        }
        return result
    }
}
