import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// `syndicate update`: brings every copy of a post the ledger records up to the file's version.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Edit every syndicated copy of a changed post, where the network allows it (or repost it with --repost).",
        discussion: """
            Reads the post again from the file (or URL) and, for each account the ledger records a \
            copy on, composes it as `post` does and compares it with the version posted: unchanged \
            copies are left alone. Mastodon, Facebook, LinkedIn, Telegram, Discord and Tumblr copies \
            are edited in place (their images kept). X, Bluesky and Threads cannot edit through \
            their APIs: they are reported, and --repost deletes the copy and posts the new version \
            instead (and finishes a repost whose posting failed; a copy deleted with `retract` stays \
            deleted). Slack's incoming webhooks and \
            generic webhooks can do neither. The ledger keeps the version now on each network. \
            Compose options (--thread, --no-tracking, --no-images) must match the ones the post was made \
            with, or every copy reads as changed. --dry-run prints the requests (redacted) and writes \
            nothing. Exit status: 0 when every copy is up to date, 75 when only failures worth \
            retrying later remain, 1 otherwise (a copy that cannot be edited without --repost \
            included), 65 for input that cannot be imported, 66 when the ledger records no copy or \
            --to selects none of its accounts.
            """
    )

    @OptionGroup var input: PostInputOptions

    @Flag(help: "Where a network cannot edit (X, Bluesky, Threads), delete the copy and post the new version.")
    var repost = false

    @Flag(help: "Compose long posts as numbered threads on X, Mastodon and Bluesky (a copy posted as a thread is always one).")
    var thread = false

    @Flag(name: .customLong("no-tracking"), help: "Compose with the canonical URL without UTM parameters (as posted with --no-tracking).")
    var noTracking = false

    @OptionGroup var images: ImageOptions

    @OptionGroup var options: RevisionOptions

    func run() async throws {
        let posts = try input.posts()
        let run = try await options.start()
        let poster = run.poster(
            composer: Composer(
                configuration: ComposerConfiguration(linkTracking: noTracking ? .none : .default, threading: thread, images: images.policy)),
            attempts: options.attempts)

        var report = RevisionReport(command: "update", ledger: run.ledgerPath, dryRun: options.dryRun, posts: [])
        for post in posts {
            let entries = try await RevisionLedger.entries(of: post.id, in: run.ledger)
            let repost = repost
            let lines = await run.lines(entries, postID: post.id, needsClient: { $0.copy != nil || (repost && $0.state == .repostPending) }) { client in
                await poster.update(post, through: client, repost: repost)
            }
            report.posts.append(RevisionReport.Post(id: post.id, title: post.title, results: lines))
        }
        try report.requireAccounts(ledger: run.ledgerPath, to: options.to)
        try report.print(json: options.json)
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
