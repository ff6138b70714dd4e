import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite("The ledger's advice in command-line terms")
struct LedgerAdviceTests {
    let key = LedgerEntry.Key(postID: "post-1", network: .telegram, account: "school")

    @Test("the library's fix for an uncertain entry becomes the ledger forget command")
    func translatesTheUncertainFix() throws {
        var stored: LedgerEntry? = LedgerEntry(
            key: key, state: .pending,
            owner: LedgerOwner(host: "test-host", pid: 200, processStart: nil, run: "other", claimedAt: Date(timeIntervalSince1970: 0)),
            createdAt: Date(timeIntervalSince1970: 0))
        let context = LedgerClaims.Context(
            owner: LedgerOwner(host: "test-host", pid: 100, processStart: nil, run: "me", claimedAt: Date(timeIntervalSince1970: 0)),
            protection: .none, now: Date(timeIntervalSince1970: 0), isAlive: { _ in false })
        _ = LedgerClaims.claim(&stored, key: key, context: context)
        let error = try #require(stored?.error)
        #expect(!error.contains("syndicate"))
        #expect(
            LedgerAdvice.translating(error, for: key)
                == "the run that was sending it (pid 200 on test-host) stopped before recording the answer, so it may or may not be on Telegram account 'school'. Fix: look at Telegram account 'school'. If the post is there, nothing more to do (the entry stays and the post is skipped); if it is not, run `syndicate ledger forget 'post-1' --to telegram:school` and the next run posts it."
        )
    }

    @Test("a post id or account from someone else's feed is one shell word in the advice, never a command")
    func quotesForTheShell() {
        let hostile = LedgerEntry.Key(postID: "x'; rm -rf ~; echo '", network: .telegram, account: "school $(id)")
        let fix = LedgerAdvice.uncertainFix(hostile)
        #expect(fix.contains(#"forget 'x'\''; rm -rf ~; echo '\''' --to 'telegram:school $(id)'"#), "\(fix)")
        #expect(LedgerAdvice.shellQuoted("telegram:school") == "telegram:school")
        #expect(LedgerAdvice.shellQuoted("post-1", always: true) == "'post-1'")
        #expect(LedgerAdvice.shellQuoted("it's") == #"'it'\''s'"#)
    }

    @Test("an error without the library's fix is left as it is")
    func leavesOtherErrors() {
        let message = "scripted failure; run `syndicate ledger forget 'post-1' --to telegram:school`."
        #expect(LedgerAdvice.translating(message, for: key) == message)
    }

    @Test("a damaged ledger's fix names --ledger and --mark-seen on the command line")
    func translatesTheLedgerFileFixes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-advice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        try Data("posted: everything\n".utf8).write(to: URL(fileURLWithPath: ledger))
        let outcome = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasSuffix(
                "Fix: move it aside and run again to start a new ledger (every feed then needs --mark-seen or --since again), or point --ledger at the right file; Syndicate leaves this file as it is.\n"),
            "\(outcome.stderr)")
        let busy = LedgerError(.busy, path: ledger, message: "held", fix: "try again when the other process has finished with it.")
        #expect(LedgerAdvice.translating(busy).fix == "run again when the other syndicate run has finished.")
    }
}
