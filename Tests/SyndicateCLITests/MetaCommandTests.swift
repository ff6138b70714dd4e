import ArgumentParser
import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct MetaCommandTests {
    @Test func parsesInputOptionsAndPageOptions() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot([
                "meta", "post.md", "--format", "markdown", "--base-url", "https://school.example/",
                "--site-name", "Oakfield News", "--twitter-site", "@Oakfield", "--fediverse-creator", "head@mastodon.example",
                "--locale", "en-GB", "--json",
            ]) as? MetaCommand)
        #expect(command.options.input == "post.md")
        #expect(command.options.format == .markdown)
        #expect(command.options.baseURL == "https://school.example/")
        #expect(command.siteName == "Oakfield News")
        #expect(command.twitterSite == "@Oakfield")
        #expect(command.fediverseCreator == "head@mastodon.example")
        #expect(command.locale == "en-GB")
        #expect(command.json)
    }

    @Test func defaults() throws {
        let command = try #require(try SyndicateCommand.parseAsRoot(["meta", "-"]) as? MetaCommand)
        #expect(command.options.format == .auto)
        #expect(command.siteName == nil)
        #expect(!command.json)
    }

    @Test func relativeBaseURLIsAUsageError() {
        do {
            _ = try SyndicateCommand.parseAsRoot(["meta", "post.md", "--base-url", "news/"])
            Issue.record("validation should fail")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error).rawValue == 64)
            #expect(SyndicateCommand.message(for: error)
                == "--base-url 'news/' is not an absolute URL; give one such as https://example.com/news/.")
        }
    }

    @Test func printsTheTagsOfAMarkdownPost() throws {
        let outcome = try CLIRunner.run([
            "meta", Fixtures.example("ofsted-secondments.md").path, "--base-url", "https://school.example/",
            "--site-name", "Riverside Academy News", "--twitter-site", "RiversideAcad",
        ])
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: """
            <link rel="canonical" href="https://school.example/news/ofsted-secondments/">
            <meta property="og:type" content="article">
            <meta property="og:title" content="Ofsted to offer school leaders year-long secondments">
            <meta property="og:description" content="Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference.">
            <meta property="og:url" content="https://school.example/news/ofsted-secondments/">
            <meta property="og:site_name" content="Riverside Academy News">
            <meta property="og:locale" content="en_GB">
            <meta property="og:image" content="https://school.example/images/ofsted-secondments.jpg">
            <meta property="og:image:alt" content="Delegates in the hall at the ASCL annual conference">
            <meta property="article:published_time" content="2026-03-09T10:30:00Z">
            <meta property="article:modified_time" content="2026-03-10T00:00:00Z">
            <meta property="article:tag" content="Leadership">
            <meta property="article:tag" content="Ofsted">
            <meta property="article:tag" content="Primary">
            <meta property="article:tag" content="Secondary">
            <meta property="article:tag" content="Teaching">
            <meta name="twitter:card" content="summary_large_image">
            <meta name="twitter:site" content="@RiversideAcad">
            <meta name="twitter:title" content="Ofsted to offer school leaders year-long secondments">
            <meta name="twitter:description" content="Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference.">
            <meta name="twitter:image" content="https://school.example/images/ofsted-secondments.jpg">
            <meta name="twitter:image:alt" content="Delegates in the hall at the ASCL annual conference">

            """, stderr: ""))
    }

    @Test func feedPostsAreMarkedWithComments() throws {
        let outcome = try CLIRunner.run(["meta", Fixtures.example("school-news.atom").path])
        #expect(outcome.status == 0)
        let comments = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("<!--") }
        #expect(comments == [
            "<!-- tag:riverside.example,2024:news/101 -->", "<!-- tag:riverside.example,2024:news/100 -->",
            "<!-- tag:riverside.example,2024:news/99 -->",
        ])
    }

    @Test(arguments: [
        "ofsted-secondments.md", "ofsted-secondments.html", "ofsted-secondments.txt", "school-news.atom",
        "school-news.json", "school-news.rss",
    ])
    func jsonOutputOfEachExampleMatchesItsGolden(name: String) throws {
        let outcome = try CLIRunner.run([
            "meta", Fixtures.example(name).path, "--base-url", "https://school.example/", "--site-name",
            "Riverside Academy News", "--json",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        assertGolden(outcome.stdout, named: "meta.\(name)", target: "SyndicateCLITests")
    }

    @Test func unreadableInputExits65NamingTheFile() throws {
        let outcome = try CLIRunner.run(["meta", "/nonexistent/post.md"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("/nonexistent/post.md"))
        #expect(outcome.stderr.contains("no such file; check the path."))
    }

    @Test func badFormatExits64() throws {
        let outcome = try CLIRunner.run(["meta", "-", "--format", "docx"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("docx"))
    }

    @Test func readsStandardInput() throws {
        let outcome = try CLIRunner.run(["meta", "-", "--format", "text"], stdin: Data("Sports day\n\nAll pupils ran.\n".utf8))
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: """
            <meta property="og:type" content="article">
            <meta property="og:title" content="Sports day">
            <meta property="og:description" content="All pupils ran.">
            <meta name="twitter:card" content="summary">
            <meta name="twitter:title" content="Sports day">
            <meta name="twitter:description" content="All pupils ran.">

            """, stderr: ""))
    }
}
