import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// `inspect` and `feed` list the warnings of a feed with a bad item and still exit 0.
@Suite struct InspectCommandWarningsTests {
    static let feed = """
        <rss version="2.0"><channel><title>News</title>
        <item><title>Sports day</title><link>https://school.example/sports</link></item>
        <item><description> </description></item>
        <item><link>https://school.example/only-link</link></item>
        </channel></rss>
        """

    private func write(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("warnings-\(UUID().uuidString).rss")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func inspectJSONPrintsThePostsAndListsEachWarningAsAJSONLine() throws {
        let file = try write(Self.feed)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try CLIRunner.run(["inspect", file.path, "--json"])
        #expect(outcome.status == 0)
        let posts = try JSONDecoder().decode([Post].self, from: Data(outcome.stdout.utf8))
        #expect(posts.map(\.title) == ["Sports day", "https://school.example/only-link"])
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let warnings = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])["warning"]
        }
        #expect(warnings.map { $0?["kind"] as? String } == ["skippedItem", "derivedTitle"])
        #expect(warnings.map { $0?["item"] as? Int } == [2, 3])
        #expect(warnings.first??["input"] as? String == file.path)
    }

    @Test func previewAndADryRunPostWarnOnStandardErrorAndGoOn() throws {
        let file = try write(Self.feed)
        defer { try? FileManager.default.removeItem(at: file) }
        for arguments in [["preview", file.path, "--to", "mastodon"], ["post", file.path, "--to", "mastodon", "--dry-run"]] {
            let outcome = try CLIRunner.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.contains("Sports day"))
            #expect(outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("syndicate: warning:") }.count == 2, "\(outcome.stderr)")
        }
    }

    @Test func inspectHumanOutputWarnsOnStandardError() throws {
        let file = try write(Self.feed)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try CLIRunner.run(["inspect", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasPrefix("syndicate: warning: \(file.path) (item 2): skipped: "))
    }

    @Test func aFeedWithNothingToPostStillExits65() throws {
        let file = try write("<rss><channel><item/></channel></rss>")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try CLIRunner.run(["inspect", file.path, "--json"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("item 1 is empty"))
    }

    @Test func feedJSONListsTheWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feed-warnings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try Data(Self.feed.utf8).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let outcome = try CLIRunner.run(["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--dry-run", "--json", "--mark-seen"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["kind"] as? String } == ["skippedItem", "derivedTitle"])
        #expect(warnings.map { $0["item"] as? Int } == [2, 3])
    }
}
