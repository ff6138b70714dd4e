import Foundation
import Syndicate
import Testing

@Suite struct FeedCDFTests {
    @Test func aChannelDefinitionFormatFeedIsSniffedAndRead() throws {
        let cdf = """
            <?xml version="1.0"?>
            <CHANNEL BASE="https://school.example/" HREF="https://school.example/">
              <TITLE>School</TITLE>
              <ITEM HREF="/news/1" LASTMOD="2026-03-01T10:00:00Z"><TITLE>Open evening</TITLE><ABSTRACT>Come &amp; see.</ABSTRACT></ITEM>
              <ITEM HREF="/news/2"></ITEM>
            </CHANNEL>
            """
        let data = Data(cdf.utf8)
        #expect(ImportFormat.sniff(data) == .rss)
        let posts = try RSSImporter().posts(from: data, context: ImportContext(inputName: "school.cdf"))
        #expect(posts.map(\.title) == ["Open evening", "https://school.example/news/2"])
        #expect(posts.first?.url?.absoluteString == "https://school.example/news/1")
        #expect(posts.first?.paragraphs == ["Come & see."])
        #expect(posts.first?.published == Date(timeIntervalSince1970: 1_772_359_200))
    }
}
