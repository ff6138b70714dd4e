import ArgumentParser
import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct CountCommandTests {
    // MARK: Parsing

    @Test func parsesNetworkAliasFlagsAndText() throws {
        let command = try #require(try SyndicateCommand.parseAsRoot(["count", "--network", "twitter", "--json", "hi"]) as? CountCommand)
        #expect(command.network == "twitter")
        #expect(command.json)
        #expect(command.text == "hi")
        #expect(command.rule == .x)
    }

    @Test func limitAndURLLengthShapeTheRule() throws {
        let mastodon = try #require(
            try SyndicateCommand.parseAsRoot(["count", "--network", "mastodon", "--limit", "1000", "--url-length", "30"]) as? CountCommand)
        #expect(mastodon.rule == .mastodon(limit: 1000, urlLength: 30))
        let x = try #require(try SyndicateCommand.parseAsRoot(["count", "--network", "X", "--limit", "4000"]) as? CountCommand)
        #expect(x.rule == .x(limit: 4000))
        let bluesky = try #require(try SyndicateCommand.parseAsRoot(["count", "--network", "bluesky", "--limit", "200"]) as? CountCommand)
        #expect(bluesky.rule == NetworkRule.bluesky.withLimit(200))
    }

    @Test(arguments: [
        (["count", "--network", "myspace", "hi"],
         "Unknown network 'myspace'. Use one of: x (or twitter), mastodon, bluesky, threads, linkedin, facebook, telegram, discord, slack, webhook, tumblr."),
        (["count", "--network", "x", "--json", "--jsonl"],
         "--json and --jsonl exclude each other; --jsonl already prints JSON, one object per line."),
        (["count", "--network", "x", "--jsonl", "hi"],
         "--jsonl reads standard input only; drop the TEXT argument or drop --jsonl."),
        (["count", "--network", "x", "--url-length", "20"],
         "--url-length applies to Mastodon only; drop it or use --network mastodon."),
        (["count", "--network", "x", "--limit", "0"],
         "--limit 0 is not a length; give a positive number such as 500."),
    ])
    func usageErrorsExitSixtyFourWithTheirMessage(arguments: [String], message: String) {
        do {
            _ = try SyndicateCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error) == ExitCode(64))
            #expect(SyndicateCommand.message(for: error) == message)
        }
    }

    // MARK: The built binary

    @Test func humanOutputForAFittingText() throws {
        let outcome = try CLIRunner.run(["count", "--network", "bluesky", "Hi 👨‍👩‍👧‍👧"])
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: """
            network:   Bluesky
            length:    4 characters (grapheme clusters)
            limit:     300
            remaining: 296
            valid:     yes

            """, stderr: ""))
    }

    @Test func humanOutputForATooLongTextExitsOneWithTheWarning() throws {
        let text = String(repeating: "👨‍👩‍👧‍👧", count: 121)
        let outcome = try CLIRunner.run(["count", "--network", "bluesky"], stdin: Data((text + "\n").utf8))
        #expect(outcome == CLIRunner.Outcome(status: 1, stdout: """
            network:   Bluesky
            length:    121 characters (grapheme clusters)
            limit:     300
            remaining: 179
            valid:     no
            warning:   over the limit of 3000 UTF-8 bytes (3025); shorten it or use fewer emoji and non-Latin letters

            """, stderr: ""))
    }

    @Test func jsonOutputIsOneObject() throws {
        let outcome = try CLIRunner.run(["count", "--network", "threads", "--json", "Hi 😀"])
        #expect(outcome == CLIRunner.Outcome(
            status: 0, stdout: #"{"network":"threads","length":7,"limit":500,"valid":true,"bytes":7,"graphemes":4}"# + "\n",
            stderr: ""))
    }

    @Test func jsonForXReportsTwitterTextsWeightedLength() throws {
        let text = "Hello 日本 https://example.com"
        let parsed = TwitterText.parse(text)
        let outcome = try CLIRunner.run(["count", "--network", "x", "--json", text])
        #expect(outcome.stdout
            == #"{"network":"x","length":\#(parsed.weightedLength),"limit":280,"valid":\#(parsed.isValid),"bytes":32,"graphemes":28}"# + "\n")
        #expect(outcome.status == 0)
    }

    @Test func standardInputLosesOneTrailingLineEnding() throws {
        let outcome = try CLIRunner.run(["count", "--network", "telegram", "--json"], stdin: Data("ab\n\n".utf8))
        #expect(outcome.stdout == #"{"network":"telegram","length":3,"limit":4096,"valid":true,"bytes":3,"graphemes":3}"# + "\n")
    }

    @Test func invalidUTF8OnStandardInputExitsSixtyFive() throws {
        let outcome = try CLIRunner.run(["count", "--network", "discord"], stdin: Data([0x61, 0xFF, 0x62]))
        #expect(outcome == CLIRunner.Outcome(
            status: 65, stdout: "",
            stderr: "syndicate count: standard input is not valid UTF-8 text; convert it (iconv -t UTF-8) or pass the text as an argument.\n"))
    }

    @Test func unknownNetworkExitsSixtyFourListingTheNames() throws {
        let outcome = try CLIRunner.run(["count", "--network", "myspace", "hi"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix(
            "Error: Unknown network 'myspace'. Use one of: x (or twitter), mastodon, bluesky, threads, linkedin, facebook, telegram, discord, slack, webhook, tumblr.\n"))
    }

    @Test func jsonLinesKeepOrderAndReportBadLinesInPlace() throws {
        let input = #"""
            "a"
            "\ud83d"
            nope
            "\ud83d\ude00 x"
            "tab\tand \"quotes\""

            """#
        let outcome = try CLIRunner.run(["count", "--network", "discord", "--jsonl"], stdin: Data(input.utf8))
        #expect(outcome == CLIRunner.Outcome(status: 65, stdout: #"""
            {"network":"discord","length":1,"limit":2000,"valid":true,"bytes":1,"graphemes":1}
            {"line":2,"error":"lone surrogate \\ud83d at column 2; a high surrogate must be followed by a low one (\\ud83d\\ude00), or write the character itself."}
            {"line":3,"error":"not a JSON string at column 1; each line must be one JSON string such as \"Hello\"."}
            {"network":"discord","length":3,"limit":2000,"valid":true,"bytes":6,"graphemes":3}
            {"network":"discord","length":16,"limit":2000,"valid":true,"bytes":16,"graphemes":16}

            """#, stderr: "syndicate count: 2 line(s) were not JSON strings; see the error objects.\n"))
    }

    @Test func jsonLinesExitZeroWhenEveryLineIsReadEvenIfTooLong() throws {
        let long = String(repeating: "a", count: 301)
        let outcome = try CLIRunner.run(["count", "--network", "bluesky", "--jsonl"], stdin: Data("\"ok\"\r\n\"\(long)\"".utf8))
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: """
            {"network":"bluesky","length":2,"limit":300,"valid":true,"bytes":2,"graphemes":2}
            {"network":"bluesky","length":301,"limit":300,"valid":false,"bytes":301,"graphemes":301}

            """, stderr: ""))
    }

    @Test func fiveThousandJSONLinesRunInOneProcess() throws {
        var input = ""
        for number in 0..<5000 { input += "\"Post \(number) 🎉 https://example.com/\(number)\"\n" }
        let outcome = try CLIRunner.run(["count", "--network", "mastodon", "--jsonl"], stdin: Data(input.utf8))
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(outcome.status == 0)
        #expect(lines.count == 5001)
        let expected = NetworkRule.mastodon.measure("Post 4999 🎉 https://example.com/4999")
        #expect(lines[4999] == #"{"network":"mastodon","length":\#(expected.length),"limit":500,"valid":true,"bytes":39,"graphemes":\#(expected.graphemes)}"#)
    }
}
