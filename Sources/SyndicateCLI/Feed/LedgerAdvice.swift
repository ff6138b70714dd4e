import Foundation
import Syndicate

/// The ledger's advice in the command line's terms: the library says which
/// ``DeliveryLedger`` call undoes an uncertain entry, the CLI user needs the command.
enum LedgerAdvice {
    /// What a person does about an uncertain entry, naming `syndicate ledger forget`.
    static func uncertainFix(_ key: LedgerEntry.Key) -> String {
        "look at \(key.network.displayName) account '\(key.account)'. If the post is there, nothing more to do "
            + "(the entry stays and the post is skipped); if it is not, run `syndicate ledger forget '\(key.postID)' "
            + "--to \(key.network.rawValue):\(key.account)` and the next run posts it."
    }

    /// `message` (an entry's error) with the library's fix for an uncertain `key` replaced by
    /// the command's; unchanged when it holds none (an error written by an older version
    /// already names the command).
    static func translating(_ message: String, for key: LedgerEntry.Key) -> String {
        message.replacingOccurrences(of: LedgerClaims.uncertainFix(key), with: uncertainFix(key))
    }
}
