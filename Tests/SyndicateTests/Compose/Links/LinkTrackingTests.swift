import Foundation
import Testing

@testable import Syndicate

@Suite struct LinkTrackingTests {
    @Test func utmAddsSourceMediumAndCampaign() throws {
        let url = try #require(URL(string: "https://school.example/news/1/"))
        #expect(LinkTracking.default.url(url, for: .mastodon).absoluteString
            == "https://school.example/news/1/?utm_source=mastodon&utm_medium=social&utm_campaign=syndicate")
        #expect(LinkTracking.utm(campaign: "spring term", medium: "social").url(url, for: .x).absoluteString
            == "https://school.example/news/1/?utm_source=x&utm_medium=social&utm_campaign=spring%20term")
    }

    @Test func utmKeepsTheExistingQueryAndFragment() throws {
        let url = try #require(URL(string: "https://school.example/news?page=2&q=a%26b#comments"))
        #expect(LinkTracking.default.url(url, for: .linkedin).absoluteString
            == "https://school.example/news?page=2&q=a%26b&utm_source=linkedin&utm_medium=social&utm_campaign=syndicate#comments")
    }

    @Test func utmReplacesExistingUTMParametersSoDecoratingTwiceIsStable() throws {
        let url = try #require(URL(string: "https://school.example/a?UTM_SOURCE=feed&id=7&utm_campaign=old"))
        let once = LinkTracking.utm(campaign: "new").url(url, for: .bluesky)
        #expect(once.absoluteString == "https://school.example/a?id=7&utm_source=bluesky&utm_medium=social&utm_campaign=new")
        #expect(LinkTracking.utm(campaign: "new").url(once, for: .bluesky) == once)
    }

    @Test func campaignValuesAreEncodedByRFC3986() throws {
        let url = try #require(URL(string: "https://school.example/a"))
        #expect(LinkTracking.utm(campaign: "a&b=c+d#e/é").url(url, for: .threads).absoluteString
            == "https://school.example/a?utm_source=threads&utm_medium=social&utm_campaign=a%26b%3Dc%2Bd%23e%2F%C3%A9")
    }

    @Test func noneLeavesTheURLAlone() throws {
        let url = try #require(URL(string: "https://school.example/a?b=c"))
        #expect(LinkTracking.none.url(url, for: .x) == url)
    }

    @Test func customTrackingRule() throws {
        let tracking = LinkTracking { url, network in
            url.appendingPathComponent(network.rawValue)
        }
        let url = try #require(URL(string: "https://school.example/a/"))
        #expect(tracking.url(url, for: .telegram).absoluteString == "https://school.example/a/telegram")
    }

    @Test func relativeURLIsNotDecorated() throws {
        let url = try #require(URL(string: "news/1"))
        #expect(LinkTracking.default.url(url, for: .x) == url)
    }

    @Test func removingTrackingKeepsOtherParameters() throws {
        let url = try #require(URL(string: "https://school.example/a?utm_source=x&id=7&fbclid=abc&Utm_Medium=social#top"))
        #expect(LinkTracking.removingTracking(from: url).absoluteString == "https://school.example/a?id=7#top")
    }

    @Test func removingTrackingDropsAnEmptyQuery() throws {
        let url = try #require(URL(string: "https://school.example/a/?utm_source=x&utm_medium=social&gclid=1"))
        #expect(LinkTracking.removingTracking(from: url).absoluteString == "https://school.example/a/")
        let clean = try #require(URL(string: "https://school.example/a/"))
        #expect(LinkTracking.removingTracking(from: clean) == clean)
    }
}
