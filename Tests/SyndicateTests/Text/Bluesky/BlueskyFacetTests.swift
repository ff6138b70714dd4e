import Foundation
import Syndicate
import Testing

@Suite struct BlueskyFacetTests {
    private static func json(_ facets: [BlueskyFacet]) -> String {
        BlueskyFacet.json(facets)
    }

    @Test func linkEncodesExactlyAsTheLexicon() throws {
        let facets = BlueskyText.facets(in: "start https://middle.com/a end")
        #expect(
            Self.json(facets)
                == #"[{"index":{"byteStart":6,"byteEnd":26},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://middle.com/a"}]}]"#
        )
    }

    @Test func unresolvedMentionCarriesTheHandleInDidAndAFlag() throws {
        let facets = BlueskyText.facets(in: "hi @alice.example.com")
        #expect(
            Self.json(facets)
                == #"[{"index":{"byteStart":3,"byteEnd":21},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"alice.example.com","unresolved":true}]}]"#
        )
        #expect(facets.first?.unresolvedHandles == ["alice.example.com"])
    }

    @Test func resolvedMentionEncodesOnlyTheDid() throws {
        let facets = BlueskyText.facets(in: "hi @alice.example.com @bob.example.com")
            .map { $0.resolvingMentions(["alice.example.com": "did:plc:abc123"]) }
        #expect(
            Self.json(facets)
                == #"[{"index":{"byteStart":3,"byteEnd":21},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:abc123"}]},"#
                + #"{"index":{"byteStart":22,"byteEnd":38},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"bob.example.com","unresolved":true}]}]"#
        )
    }

    @Test func tagEncodesWithoutTheHash() throws {
        #expect(
            Self.json(BlueskyText.facets(in: "#swift"))
                == #"[{"index":{"byteStart":0,"byteEnd":6},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"swift"}]}]"#
        )
    }

    @Test func decodingRoundTripsEveryFeature() throws {
        let facets = [
            BlueskyFacet(index: .init(byteStart: 0, byteEnd: 4), features: [.link(uri: "https://a.com")]),
            BlueskyFacet(index: .init(byteStart: 5, byteEnd: 9), features: [.tag("$AAPL")]),
            BlueskyFacet(index: .init(byteStart: 10, byteEnd: 14), features: [.mention(did: "did:plc:x")]),
            BlueskyFacet(index: .init(byteStart: 15, byteEnd: 19), features: [.unresolvedMention(handle: "a.bsky.social")]),
        ]
        let decoded = try JSONDecoder().decode([BlueskyFacet].self, from: Data(Self.json(facets).utf8))
        #expect(decoded == facets)
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharacters() {
        let facet = BlueskyFacet(index: .init(byteStart: 0, byteEnd: 1), features: [.link(uri: "https://a.com/\"q\"\\\n\u{1}é")])
        #expect(
            Self.json([facet])
                == #"[{"index":{"byteStart":0,"byteEnd":1},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://a.com/\"q\"\\\n\u0001é"}]}]"#
        )
        #expect(Self.json([]) == "[]")
    }

    @Test func unknownFeatureTypeFailsToDecode() {
        let json = #"{"index":{"byteStart":0,"byteEnd":1},"features":[{"$type":"app.bsky.richtext.facet#bold"}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BlueskyFacet.self, from: Data(json.utf8)) }
    }

    @Test func facetAfterCurlyQuotesCountsTheirThreeBytesEach() {
        // “ and ” are 3 UTF-8 bytes each (1 UTF-16 unit): the link starts at byte 15, not 11.
        let facets = BlueskyText.facets(in: "“Read” it: https://example.com/x")
        #expect(facets == [BlueskyFacet(index: .init(byteStart: 15, byteEnd: 36), features: [.link(uri: "https://example.com/x")])])
    }

    @Test func emojiBeforeALinkShiftsItByTheEmojiBytes() {
        // 🎉 is 4 bytes, 👍🏽 is 8: the link starts at 4 + 1 + 8 + 1 = 14; the final "." is dropped.
        let facets = BlueskyText.facets(in: "🎉 👍🏽 example.com/post.")
        #expect(facets == [BlueskyFacet(index: .init(byteStart: 14, byteEnd: 30), features: [.link(uri: "https://example.com/post")])])
    }

    @Test func facetsComeInTextOrderAcrossKinds() {
        let facets = BlueskyText.facets(in: "#news by @a.bsky.social $AAPL at https://x.com/y")
        #expect(facets == [
            BlueskyFacet(index: .init(byteStart: 0, byteEnd: 5), features: [.tag("news")]),
            BlueskyFacet(index: .init(byteStart: 9, byteEnd: 23), features: [.unresolvedMention(handle: "a.bsky.social")]),
            BlueskyFacet(index: .init(byteStart: 24, byteEnd: 29), features: [.tag("$AAPL")]),
            BlueskyFacet(index: .init(byteStart: 33, byteEnd: 48), features: [.link(uri: "https://x.com/y")]),
        ])
    }

    @Test(arguments: [
        ("@handle.com.", 0, 11, "handle.com"),
        ("(@handle.test)", 1, 13, "handle.test"),
    ])
    func mentionStopsAtAWordBoundary(text: String, start: Int, end: Int, handle: String) {
        #expect(BlueskyText.facets(in: text) == [
            BlueskyFacet(index: .init(byteStart: start, byteEnd: end), features: [.unresolvedMention(handle: handle)])
        ])
    }

    @Test(arguments: [
        "@handle.unknowntld", "mail me@example.com", "@-", "x.jpg", "HTTPS://EXAMPLE.COM", "Example.COM", "@Alice.Bsky.Social",
        "#123 #!!", "#\u{FE0F}t", "$TOOLONG1", "no$AAPL", "$AAPL-x", "website.com.jpg/foo",
    ])
    func findsNothingIn(text: String) {
        #expect(BlueskyText.facets(in: text) == [])
    }

    @Test func bareDomainStartingWithHttpKeepsItsTextAsTheReferenceDoes() {
        #expect(BlueskyText.facets(in: "see httpbin.org") == [
            BlueskyFacet(index: .init(byteStart: 4, byteEnd: 15), features: [.link(uri: "httpbin.org")])
        ])
    }

    @Test func newlinesSeparateLinksAndTags() {
        #expect(BlueskyText.facets(in: "one.com\ntwo.com\n#t\nag") == [
            BlueskyFacet(index: .init(byteStart: 0, byteEnd: 7), features: [.link(uri: "https://one.com")]),
            BlueskyFacet(index: .init(byteStart: 8, byteEnd: 15), features: [.link(uri: "https://two.com")]),
            BlueskyFacet(index: .init(byteStart: 16, byteEnd: 18), features: [.tag("t")]),
        ])
    }

    @Test func tagOfSixtyFourEmojiGraphemesIsKept() {
        let tag = String(repeating: "🦋", count: 64)
        let facets = BlueskyText.facets(in: "#" + tag)
        #expect(facets == [BlueskyFacet(index: .init(byteStart: 0, byteEnd: 257), features: [.tag(tag)])])
        #expect(BlueskyText.facets(in: "#" + tag + "🦋") == [])
    }

    @Test func adversarialInputFinishesWithTheRightFacets() {
        // Long runs that a backtracking regex would rescan: handle characters, dots, hashes.
        let text = "@" + String(repeating: "a.", count: 50_000) + " " + String(repeating: "#", count: 50_000)
            + " " + String(repeating: "(", count: 50_000)
        #expect(BlueskyText.facets(in: text).isEmpty)
    }
}
