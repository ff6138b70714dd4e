import Foundation
import Syndicate

/// The ledger's advice in the command line's terms: the library says which
/// ``DeliveryLedger`` call undoes an uncertain entry, or which option starts a feed again; the
/// CLI user needs the command and its flags.
enum LedgerAdvice {
    /// The fixes `SQLiteLedger` gives in the library's terms, and what the CLI says instead.
    static let fixes: [(library: String, commandLine: String)] = [
        (
            "check the path; opening it without readOnly creates it.",
            "check the path (--ledger or 'ledger:' in the config file); a run of `syndicate feed` creates it."
        ),
        ("or choose another path.", "or choose another path with --ledger."),
        (
            "open a Syndicate ledger or a new path instead; this file was left as it is.",
            "point --ledger (or 'ledger:' in the config file) at a Syndicate ledger or at a new path; this file was left as it is."
        ),
        ("use a newer Syndicate; this file was left as it is.", "upgrade syndicate; this file was left as it is."),
        ("(the user running this program must", "(the user running syndicate must"),
        (
            "move it aside to start a new ledger (every feed then starts again: FeedSyndicator.Options.markSeen or since), or open the right file;",
            "move it aside and run again to start a new ledger (every feed then needs --mark-seen or --since again), or point --ledger at the right file;"
        ),
        (
            "move it aside to start a new ledger (every feed then starts again: FeedSyndicator.Options.markSeen or since), or restore it",
            "move it aside and run again to start a new ledger (every feed then needs --mark-seen or --since again), or restore it"
        ),
        ("try again when the other process has finished with it.", "run again when the other syndicate run has finished."),
    ]

    /// `error` with its fix in the command line's terms.
    static func translating(_ error: LedgerError) -> LedgerError {
        var translated = error
        for fix in fixes { translated.fix = translated.fix.replacingOccurrences(of: fix.library, with: fix.commandLine) }
        return translated
    }

    /// What a person does about an uncertain entry, naming `syndicate ledger forget`.
    static func uncertainFix(_ key: LedgerEntry.Key) -> String {
        "look at \(key.network.displayName) account '\(key.account)'. If the post is there, nothing more to do "
            + "(the entry stays and the post is skipped); if it is not, run `syndicate ledger forget \(shellQuoted(key.postID, always: true)) "
            + "--to \(shellQuoted("\(key.network.rawValue):\(key.account)"))` and the next run posts it."
    }

    /// `text` as one POSIX shell word: in single quotes, each `'` written `'\''`, so that a post
    /// id from someone else's feed can never become a command when the advice is pasted. Plain
    /// words (letters, digits, `-_.:/@`) are left bare unless `always`.
    static func shellQuoted(_ text: String, always: Bool = false) -> String {
        let plain = !always && !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:/@".unicodeScalars.contains($0))
        }
        if plain { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `message` (an entry's error) with the library's fix for an uncertain `key` replaced by
    /// the command's; unchanged when it holds none (an error written by an older version
    /// already names the command).
    static func translating(_ message: String, for key: LedgerEntry.Key) -> String {
        message.replacingOccurrences(of: LedgerClaims.uncertainFix(key), with: uncertainFix(key))
    }
}
