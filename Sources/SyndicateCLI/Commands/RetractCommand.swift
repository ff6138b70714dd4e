import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// `syndicate retract`: deletes every copy of a post the ledger records.
struct RetractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Delete every syndicated copy of a post that the ledger records, and record it retracted.",
        discussion: """
            The post is named by its id (as `syndicate ledger list` shows it), the file it was posted \
            from (a file of several recorded posts, such as a feed, needs --all), or the address or \
            id of one of its copies (refused when it names copies of several posts). Every copy the ledger records \
            is deleted (every part of a thread), on every account unless --to narrows them; a copy \
            already deleted by hand counts as done. Slack's incoming webhooks and generic webhooks \
            cannot delete: they are reported, nothing is sent. A retracted post is never posted \
            again by `post` or `feed`; `syndicate update --repost` posts it again. Credentials come \
            from SYNDICATE_<NETWORK>_<SETTING> variables or --config, as for `post`. --dry-run \
            prints the requests (redacted) and writes nothing. Exit status: 0 when every copy is \
            gone, 75 when only failures worth retrying later remain, 1 otherwise (a network that \
            cannot delete, or a copy whose id the ledger does not know, included), 64 for an \
            ambiguous name, 66 when the ledger records no such post or --to selects none of its accounts.
            """
    )

    @Argument(help: "The post: its id, its URL, a copy's address or id, or the file it was posted from.")
    var post: String

    @Flag(help: "When the file holds several recorded posts (a feed), retract every one.")
    var all = false

    @OptionGroup var options: RevisionOptions

    func run() async throws {
        let run = try await options.start()
        let postIDs = try await RevisionLedger.postIDs(
            naming: post, in: run.ledger, path: run.ledgerPath, targets: run.targets, all: all)
        let poster = run.poster(attempts: options.attempts)

        var report = RevisionReport(command: "retract", ledger: run.ledgerPath, dryRun: options.dryRun, posts: [])
        for postID in postIDs {
            let entries = try await RevisionLedger.entries(of: postID, in: run.ledger)
            let lines = await run.lines(entries, postID: postID, needsClient: { $0.copy != nil }) { client in
                await poster.retract(postID: postID, through: client)
            }
            report.posts.append(RevisionReport.Post(id: postID, title: entries.first?.title, results: lines))
        }
        try report.requireAccounts(ledger: run.ledgerPath, to: options.to)
        try report.print(json: options.json)
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
