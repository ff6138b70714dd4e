import Foundation
import Testing

@testable import Syndicate

/// Mastodon's server-side length rule on cases the shared data does not cover.
@Suite struct MastodonLengthTests {
    @Test func remoteMentionCountsAsLocalPart() {
        #expect(MastodonLength.countableText("hi @alice@example.social!") == "hi @alice!")
        #expect(MastodonLength.count("hi @alice@example.social!") == 10)
    }

    @Test func localMentionCountsLiterally() {
        #expect(MastodonLength.count("hi @alice") == 9)
    }

    @Test func everySchemeURLCountsTheInstanceValue() {
        #expect(MastodonLength.countableText("a https://x.co b") == "a xxxxxxxxxxxxxxxxxxxxxxx b")
        #expect(MastodonLength.count("a https://example.com/a/very/long/path/indeed b") == 27)
        #expect(MastodonLength.count("a https://example.com b", urlLength: 30) == 34)
    }

    @Test func schemelessDomainCountsLiterally() {
        #expect(MastodonLength.count("see example.com") == 15)
    }

    @Test func contentWarningCountsLiterally() {
        #expect(MastodonLength.count("body", spoilerText: "CW https://example.com") == 26)
    }

    @Test func graphemeClustersAreTheUnit() {
        #expect(MastodonLength.count("👨‍👩‍👧‍👦🇬🇧e\u{301}") == 3)
    }

    @Test func blankBodyCountsZero() {
        #expect(MastodonLength.count("") == 0)
        #expect(MastodonLength.count(" \n\t ") == 0)
        #expect(MastodonLength.count(" \n", spoilerText: "cw") == 2)
    }

    @Test func mentionInsideURLIsPartOfTheURL() {
        #expect(MastodonLength.count("https://example.social/@alice@example.com") == 23)
    }

    @Test func megabyteInputIsCounted() {
        let line = "toot @bob@example.social https://example.com/x ✨ "
        let count = 1_048_576 / line.utf8.count + 1
        // Per line: "toot " 5 + "@bob" 4 + " " 1 + 23 + " ✨ " 3 = 36.
        #expect(MastodonLength.count(String(repeating: line, count: count)) == 36 * count)
    }
}
