import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport
import SyndicateLedger

/// The ledger as `retract` and `update` use it: the file (an in-memory copy for a dry run), and
/// the post ids a command-line argument names.
enum RevisionLedger {
    /// The ledger at `path`; a dry run gets an in-memory copy. A missing file exits 66: nothing
    /// was ever recorded there.
    static func open(_ path: String, dryRun: Bool) async throws -> any DeliveryLedger {
        do {
            if dryRun {
                guard try SQLiteLedger.existing(path: path) != nil else { throw missing(path) }
                return try await LedgerLocation.dryRunCopy(of: path)
            }
            guard let file = try SQLiteLedger.existing(path: path, configuration: SQLiteLedger.Configuration()) else { throw missing(path) }
            return file
        } catch let error as LedgerError {
            throw ExitCode(LedgerLocation.report(error))
        }
    }

    private static func missing(_ path: String) -> ExitCode {
        FileHandle.standardError.write(Data(
            "syndicate: there is no ledger at \(path), so nothing was recorded as posted there. Fix: pass the ledger the posts were recorded in with --ledger (or 'ledger:' in --config).\n".utf8))
        return ExitCode(66)   // EX_NOINPUT
    }

    /// The entries of `postID`, oldest first.
    static func entries(of postID: String, in ledger: any DeliveryLedger) async throws -> [LedgerEntry] {
        do {
            return try await ledger.entries(postID: postID, feed: nil)
        } catch {
            throw ExitCode(LedgerLocation.report(error))
        }
    }

    /// The ids of the posts `argument` names: a post id the ledger records; else the posts of
    /// a file (more than one only with `all`); else the post whose copy has the address or id
    /// `argument` on the accounts `targets` selects (more than one is refused: a Telegram
    /// message id, say, is only unique in its chat). None exits 66; an ambiguous name exits 64.
    static func postIDs(
        naming argument: String, in ledger: any DeliveryLedger, path: String, targets: [AccountTargets.Entry]?, all: Bool
    ) async throws -> [String] {
        let entries: [LedgerEntry]
        do {
            entries = try await ledger.entries()
        } catch {
            throw ExitCode(LedgerLocation.report(error))
        }
        if entries.contains(where: { $0.postID == argument }) { return [argument] }
        var ids: [String] = []
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), !isFolder.boolValue {
            let recorded = Set(entries.map(\.postID))
            ids = try PostInputOptions.parse([argument]).posts().map(\.id).filter(recorded.contains)
            if ids.count > 1, !all {
                throw refuse("\(argument) holds \(ids.count) posts the ledger records. Fix: name one post by its id or URL (`syndicate ledger list` shows them), or pass --all to retract every one.")
            }
        } else {
            let selected = entries.filter { entry in
                targets?.contains { $0.network == entry.network && ($0.account == nil || $0.account == entry.account) } ?? true
            }
            for entry in selected where entry.url?.absoluteString == argument || entry.remoteID == argument || entry.partIDs.contains(argument) {
                if !ids.contains(entry.postID) { ids.append(entry.postID) }
            }
            if ids.count > 1 {
                throw refuse("'\(argument)' is the address or id of copies of \(ids.count) posts (\(ids.joined(separator: ", "))). Fix: name the post by its id, or narrow the accounts with --to.")
            }
        }
        guard !ids.isEmpty else {
            FileHandle.standardError.write(Data(
                "syndicate: the ledger (\(path)) records no post with the id or address '\(argument)'. Fix: give the post's id or URL as `syndicate ledger list` shows it, or the file it was posted from.\n".utf8))
            throw ExitCode(66)
        }
        return ids
    }

    /// Prints `message` and returns the usage exit status (64).
    private static func refuse(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("syndicate: \(message)\n".utf8))
        return ExitCode(64)
    }
}
