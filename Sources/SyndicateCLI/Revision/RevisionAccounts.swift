import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// The accounts `retract` and `update` act on: those the ledger records for a post (narrowed by
/// `--to`), each with a client built from its settings, or the reason it has none.
struct RevisionAccounts {
    /// One account's client, or why there is none.
    struct Account {
        var network: SocialNetwork
        var account: String
        /// The ledger's entry of the post on this account.
        var entry: LedgerEntry
        /// The client (a dry run's records its requests in ``dryRun``).
        var client: (any NetworkClient)?
        var dryRun: DryRunClient?
        /// Why no client could be built (a missing setting, an account not in the config).
        var problem: DeliveryError?

        /// The result of an account without a client: its problem, or nothing to act on;
        /// nothing sent.
        func withoutClient(postID: String) -> RevisionResult {
            RevisionResult(postID: postID, network: network, account: account, outcome: problem.map { .failed($0) } ?? .noCopy(entry))
        }
    }

    var accounts: [Account]

    /// The accounts of `entries`, kept when `--to` (`targets`) names them, in the networks'
    /// order; a client over `transport` (a ``DryRunClient`` when `dryRun`) for each entry that
    /// `needsClient` (one with a copy to act on): an account with nothing to do needs no
    /// credentials.
    init(
        entries: [LedgerEntry], targets: [AccountTargets.Entry]?, config: ConfigFile?, dryRun: Bool,
        transport: (any HTTPTransport)?, logger: Logger, images: ImagePipeline, needsClient: (LedgerEntry) -> Bool
    ) {
        var seen: [LedgerEntry.Key] = []
        var accounts: [Account] = []
        for entry in entries {
            let key = LedgerEntry.Key(postID: "", network: entry.network, account: entry.account)
            guard !seen.contains(key) else { continue }
            seen.append(key)
            if let targets, !targets.contains(where: { $0.network == entry.network && ($0.account == nil || $0.account == entry.account) }) {
                continue
            }
            var account = Account(network: entry.network, account: entry.account, entry: entry)
            guard needsClient(entry) else {
                accounts.append(account)
                continue
            }
            let environment = DeliveryEnvironment(
                transport: transport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: images)
            do {
                let settings = try Self.settings(of: entry.network, account: entry.account, config: config)
                if dryRun {
                    let client = try DryRunClient(settings: settings, environment: environment)
                    account.dryRun = client
                    account.client = client.client
                } else {
                    account.client = try NetworkRegistry.builtIn.makeClient(settings: settings, environment: environment)
                }
            } catch let error as DeliveryError {
                account.problem = error
            } catch {
                account.problem = DeliveryError(
                    .invalidConfiguration, network: entry.network, account: entry.account, message: "\(error)", mayHaveReachedNetwork: false,
                    fix: "add the account to the config file given with --config, or set its SYNDICATE_\(entry.network.rawValue.uppercased())_… variables.")
            }
            accounts.append(account)
        }
        // In the networks' order, then by name: the ledger's order depends on which delivery
        // claimed its entry first.
        let order = SocialNetwork.allCases
        self.accounts = accounts.sorted {
            let (left, right) = (order.firstIndex(of: $0.network) ?? order.count, order.firstIndex(of: $1.network) ?? order.count)
            return left != right ? left < right : $0.account < $1.account
        }
    }

    /// The settings of `account` on `network`: from the config file when it lists the network,
    /// else the `SYNDICATE_<NETWORK>_*` variables (the `default` account).
    static func settings(of network: SocialNetwork, account: String, config: ConfigFile?) throws -> AccountSettings {
        let configured = config?.accounts[network] ?? []
        if configured.isEmpty {
            let fromEnvironment = AccountSettings.environment(network: network)
            guard fromEnvironment.account == account else {
                throw ValidationError("the ledger records account '\(account)', which only a config file names")
            }
            return fromEnvironment
        }
        guard let match = configured.first(where: { $0.account == account }) else {
            throw ValidationError(
                "the ledger records account '\(account)', which the config file does not list (it lists \(configured.map(\.account).joined(separator: ", ")))")
        }
        return match
    }
}
