import Foundation
import Syndicate
import Yams

/// A `--config` file: accounts per network whose keys mirror the environment variables'
/// setting names, plus options such as the ledger's path. YAML or JSON (JSON is YAML).
///
/// ```yaml
/// ledger: ~/.syndicate/ledger.sqlite
/// mastodon:
///   - account: school
///     INSTANCE: mastodon.social
///     ACCESS_TOKEN: ${SCHOOL_MASTODON_TOKEN}   # read from the environment
///   - account: head
///     INSTANCE: mastodon.example
///     ACCESS_TOKEN: ${HEAD_MASTODON_TOKEN}
/// bluesky:                                      # one account: a map instead of a list
///   HANDLE: school.bsky.social
///   APP_PASSWORD: ${BLUESKY_APP_PASSWORD}
/// ```
///
/// A value `${NAME}` is replaced by the environment variable `NAME`; an unset one is an error
/// naming it. Account names default to `default`; within a network they must be unique.
struct ConfigFile: Sendable {
    /// The accounts by network, in file order.
    var accounts: [SocialNetwork: [AccountSettings]]
    /// `ledger:`, the ledger's path, when given.
    var ledgerPath: String?

    /// Why a config file cannot be used; the message names the file, the place and the fix.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads and checks the file at `path`. With `unsetVariablesAreEmpty` (for commands that read
    /// only names, such as `preview --html`), a `${NAME}` whose variable is unset reads as empty
    /// instead of refusing the file.
    static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment, unsetVariablesAreEmpty: Bool = false
    ) throws(Problem) -> ConfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Problem(description: "\(path): the config file cannot be read (\(error.localizedDescription)); check the path.")
        }
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw Problem(description: "\(path): not valid YAML or JSON (\(error)); fix the syntax.")
        }
        guard let top = root as? [String: Any] else {
            throw Problem(description: "\(path): the top level must be a map of network names (x, mastodon, …) to accounts.")
        }
        var config = ConfigFile(accounts: [:], ledgerPath: nil)
        for (key, value) in top.sorted(by: { $0.key < $1.key }) {
            if key == "ledger" {
                guard let ledger = value as? String else {
                    throw Problem(description: "\(path): 'ledger' must be a file path.")
                }
                config.ledgerPath = try expand(ledger, at: "ledger", file: path, environment: environment, unsetIsEmpty: unsetVariablesAreEmpty)
                continue
            }
            guard let network = SocialNetwork(name: key) else {
                let names = SocialNetwork.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(description: "\(path): unknown key '\(key)'; use a network name (\(names)) or 'ledger'.")
            }
            let entries: [Any] = (value as? [Any]) ?? [value]
            var accounts: [AccountSettings] = []
            for (index, entry) in entries.enumerated() {
                let place = "\(key)[\(index)]"
                guard let map = entry as? [String: Any] else {
                    throw Problem(description: "\(path): \(place) must be a map of settings such as ACCESS_TOKEN: ….")
                }
                var name = "default"
                var values: [String: String] = [:]
                for (setting, raw) in map {
                    let text: String
                    switch raw {
                    case let string as String: text = string
                    case let number as Int: text = String(number)
                    case let flag as Bool: text = String(flag)
                    default:
                        throw Problem(description: "\(path): \(place).\(setting) must be a single value.")
                    }
                    let expanded = try expand(
                        text, at: "\(place).\(setting)", file: path, environment: environment, unsetIsEmpty: unsetVariablesAreEmpty)
                    if setting == "account" { name = expanded } else { values[setting.uppercased()] = expanded }
                }
                guard !accounts.contains(where: { $0.account == name }) else {
                    throw Problem(description: "\(path): two \(key) accounts are named '\(name)'; give each an 'account:' name of its own.")
                }
                accounts.append(AccountSettings(network: network, account: name, values: values, origin: .configFile(path: path)))
            }
            config.accounts[network] = accounts
        }
        return config
    }

    /// `value` with each `${NAME}` replaced by the environment variable (an unset one is an
    /// error, or empty when `unsetIsEmpty`).
    static func expand(
        _ value: String, at place: String, file: String, environment: [String: String], unsetIsEmpty: Bool = false
    ) throws(Problem) -> String {
        var result = ""
        var rest = Substring(value)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw Problem(description: "\(file): \(place) has '${' without a closing '}'.")
            }
            let name = String(rest[start.upperBound..<end])
            guard let variable = environment[name] ?? (unsetIsEmpty ? "" : nil) else {
                throw Problem(description: "\(file): \(place) refers to the environment variable \(name), which is not set; set it or write the value.")
            }
            result += variable
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
