import Testing

@testable import Syndicate

@Suite struct MastodonWebComposerTests {
    private let placeholder = String(repeating: "x", count: 23)

    @Test func countAddsContentWarningAndShortensBareDomains() {
        // "cw" 2 + "see " 4 + 23 + " 👨‍👩‍👧" 2 = 31; the server counts example.com literally.
        #expect(MastodonWebComposer.count("see example.com 👨‍👩‍👧", spoilerText: "cw") == 31)
        #expect(MastodonLength.count("see example.com 👨‍👩‍👧", spoilerText: "cw") == 19)
    }

    @Test func urlLengthIsTheInstanceValue() {
        #expect(MastodonWebComposer.countableText("a https://example.com/path b", urlLength: 5) == "a xxxxx b")
        #expect(MastodonWebComposer.count("https://example.com/path", urlLength: 30) == 30)
    }

    @Test(arguments: [
        ("go to пример.рф now", "go to \(String(repeating: "x", count: 23)) now"),
        ("בדיקה.ישראל!", "\(String(repeating: "x", count: 23))!"),
        ("visit 例子.中国.", "visit \(String(repeating: "x", count: 23))."),
        ("(see https://example.com/a_(b))", "(see \(String(repeating: "x", count: 23)))"),
        ("http://x.com/path, then", "\(String(repeating: "x", count: 23)), then"),
        ("http://example.com:8080/x?q=1#f end", "\(String(repeating: "x", count: 23)) end"),
    ])
    func urlsAreShortenedWithTrailingPunctuationLeftOut(text: String, expected: String) {
        #expect(MastodonWebComposer.countableText(text) == expected)
    }

    @Test(arguments: [
        "wordhttp://example.com",
        "mail me at a.b@example.com",
        "file.notatld and e.g. this",
        "#example.com and $example.com",
        "localhost:8080",
    ])
    func textThatIsNoURLStaysLiteral(text: String) {
        #expect(MastodonWebComposer.countableText(text) == text)
    }

    @Test func remoteMentionsReportUTF16RangesAfterAstralCharacters() {
        let mentions = MastodonWebComposer.remoteMentions(in: "🐪 @ana.b-c@пример.рф! @local and @x@xn--e1afmkfd.xn--p1ai")
        #expect(
            mentions == [
                MastodonWebComposer.Mention(utf16Range: 3..<21, username: "ana.b-c", host: "пример.рф"),
                MastodonWebComposer.Mention(utf16Range: 34..<58, username: "x", host: "xn--e1afmkfd.xn--p1ai"),
            ])
        #expect(
            MastodonWebComposer.countableText("🐪 @ana.b-c@пример.рф! @local and @x@xn--e1afmkfd.xn--p1ai")
                == "🐪 @ana.b-c! @local and @x")
    }

    @Test(arguments: ["@bob.@example.com", "/@bob@example.com", "a@bob@example.com", "@bob@-example.com", "@bob@example"])
    func malformedMentionsAreNotRemoteMentions(text: String) {
        #expect(MastodonWebComposer.remoteMentions(in: text).isEmpty)
    }

    @Test func adversarialInputWithoutDomainsIsLeftAsWritten() {
        // Neither "a" nor "a." ends in a TLD, so there is no URL and no remote mention to shorten.
        let text = String(repeating: "@a@a.", count: 40_000) + String(repeating: "a.", count: 40_000)
        #expect(MastodonWebComposer.countableText(text) == text)
    }
}
