import Syndicate
import Testing

@Suite struct SocialNetworkTests {
    @Test(arguments: [
        ("x", SocialNetwork.x), ("X", .x), ("twitter", .x), ("Twitter", .x), ("bluesky", .bluesky),
        ("LinkedIn", .linkedin), ("slack", .slack), ("Tumblr", .tumblr),
    ])
    func namesAndAliasesResolve(name: String, network: SocialNetwork) {
        #expect(SocialNetwork(name: name) == network)
    }

    @Test func unknownNamesResolveToNil() {
        #expect(SocialNetwork(name: "myspace") == nil)
        #expect(SocialNetwork(name: "") == nil)
    }

    @Test func rawValuesAreTheCommandLineNames() {
        #expect(SocialNetwork.allCases.map(\.rawValue) == [
            "x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "telegram", "discord", "slack", "webhook", "tumblr",
        ])
    }
}
