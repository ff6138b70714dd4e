import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// Runs the built `syndicate inspect` binary on the bundled examples and on bad input.
@Suite struct InspectCommandRunTests {
    static let examples = [
        "ofsted-secondments.html", "ofsted-secondments.md", "ofsted-secondments.txt", "school-news.rss",
        "school-news.atom", "school-news.json",
    ]

    @Test(arguments: examples)
    func jsonOutputIsAnArrayOfPostsWithEveryKey(example: String) throws {
        let outcome = try CLIRunner.run(["inspect", Fixtures.example(example).path, "--json"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(!objects.isEmpty)
        for object in objects {
            #expect(
                Set(object.keys)
                    == [
                        "id", "title", "url", "summary", "text", "paragraphs", "markup", "tags", "author", "published",
                        "updated", "images", "source", "language", "siteName",
                    ])
        }
        let posts = try JSONDecoder().decode([Post].self, from: Data(outcome.stdout.utf8))
        #expect(posts.allSatisfy { !$0.title.isEmpty && !$0.paragraphs.isEmpty })
    }

    @Test func jsonOutputReadsBackThroughTheJSONFormatUnchanged() throws {
        let first = try CLIRunner.run(["inspect", Fixtures.example("school-news.rss").path, "--json"])
        let second = try CLIRunner.run(["inspect", "-", "--format", "json", "--json"], stdin: Data(first.stdout.utf8))
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
    }

    @Test func humanOutputShowsTheFieldsOfTheExampleArticle() throws {
        let outcome = try CLIRunner.run(["inspect", Fixtures.example("ofsted-secondments.html").path])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "  title      School leaders can spend a year on secondment to Ofsted")
        #expect(lines.contains("  author     Tamsin Okafor"))
        #expect(lines.contains("  source     The Telegraph https://www.telegraph.co.uk/education/"))
        #expect(lines.contains("  tags       Ofsted, Leadership, Teaching, Secondary, ASCL"))
    }

    @Test func readsStandardInputWithAnExplicitFormat() throws {
        let text = "Heads can join Ofsted\n\nSchool leaders can spend a year at Ofsted.\n\nCategories: Ofsted and Leadership.\n"
        let outcome = try CLIRunner.run(["inspect", "-", "--format", "text", "--json"], stdin: Data(text.utf8))
        #expect(outcome.status == 0)
        let posts = try JSONDecoder().decode([Post].self, from: Data(outcome.stdout.utf8))
        #expect(posts.map(\.title) == ["Heads can join Ofsted"])
        #expect(posts.first?.tags == ["Ofsted", "Leadership"])
        #expect(posts.first?.paragraphs == ["School leaders can spend a year at Ofsted."])
    }

    @Test func missingFileExits65WithOneLineNamingIt() throws {
        let outcome = try CLIRunner.run(["inspect", "no-such-post.md"])
        #expect(outcome == .init(status: 65, stdout: "", stderr: "syndicate: no-such-post.md: no such file; check the path.\n"))
    }

    @Test func truncatedFeedExits65NamingFileFormatAndPlace() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).rss")
        try Data("<rss version=\"2.0\"><channel><title>News</title><item><title>One</title>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try CLIRunner.run(["inspect", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("syndicate: \(file.path) (rss, "))
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func binaryJunkExits65() throws {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        let outcome = try CLIRunner.run(["inspect", "-", "--format", "html"], stdin: Data(bytes))
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("syndicate: - (html): "))
    }

    @Test func unknownFormatExits64() throws {
        let outcome = try CLIRunner.run(["inspect", "post.md", "--format", "docx"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("docx"))
    }
}
