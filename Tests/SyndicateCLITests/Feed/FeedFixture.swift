import Foundation

/// RSS feeds and folders for the feed and ledger command tests.
enum FeedFixture {
    /// An RSS 2.0 feed of items `range`, newest first as blogs write them; item `n` is
    /// published on day `n` of 2026.
    static func rss(_ range: ClosedRange<Int>) -> Data {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let start = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01
        let items = range.reversed().map { number in
            """
                <item>
                  <title>School news \(number)</title>
                  <link>https://school.example/news/\(number)</link>
                  <guid>https://school.example/news/\(number)</guid>
                  <description>Item \(number): the pupils did something worth announcing.</description>
                  <pubDate>\(formatter.string(from: start.addingTimeInterval(Double(number - 1) * 86_400)))</pubDate>
                </item>
            """
        }
        return Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
              <title>School news</title>
              <link>https://school.example/</link>
              <description>News</description>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """.utf8)
    }

    /// A fresh folder removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-feed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Credentials for a Mastodon account at an address nothing listens on (runs that must send
    /// nothing fail loudly if they try).
    static let unreachableMastodon = [
        "SYNDICATE_MASTODON_INSTANCE": "http://127.0.0.1:9", "SYNDICATE_MASTODON_ACCESS_TOKEN": "test-token",
    ]
}
