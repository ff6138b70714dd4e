import Foundation
import Syndicate
import Testing

@Suite struct FeedDoctypeTests {
    private func posts(_ xml: String) throws -> [Post] {
        try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
    }

    @Test func internalEntitiesAreExpandedInTextAndAttributes() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY school "Hilltop Academy">
              <!ENTITY motto 'Learn &amp; grow at &school;'>
              <!ENTITY % param "ignored">
              <!ENTITY school "second declaration ignored">
            ]>
            <!-- a comment -->
            <rss version="2.0"><channel><item>
              <title>&school; news: &motto;</title>
              <link>https://school.example/&school;</link>
              <description>&eacute;t&eacute; &#8364; &unknown;</description>
            </item></channel></rss>
            """
        let post = try #require(try posts(xml).first)
        #expect(post.title == "Hilltop Academy news: Learn & grow at Hilltop Academy")
        #expect(post.paragraphs.first?.hasPrefix("été €") == true)
    }

    @Test func anEntityBombIsATypedErrorNotAHang() throws {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">"
        }
        let xml = "<!DOCTYPE rss [\(declarations)]><rss><channel><item><title>&lol9;</title></item></channel></rss>"
        let error = try #require(throws: ImportError.self) { try posts(xml) }
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("entity"))
    }

    @Test func emptyEntitiesNestedWideAreBoundedByTheReferenceCount() throws {
        var declarations = "<!ENTITY e0 \"\">"
        for level in 1...7 {
            declarations += "<!ENTITY e\(level) \"\(String(repeating: "&e\(level - 1);", count: 20))\">"
        }
        let xml = "<!DOCTYPE rss [\(declarations)]><rss><channel><item><title>A&e7;</title></item></channel></rss>"
        let error = try #require(throws: ImportError.self) { try posts(xml) }
        #expect(error.kind == .tooLarge)
    }

    @Test func selfReferenceIsCutByTheDepthBound() throws {
        let xml = "<!DOCTYPE rss [<!ENTITY a \"x&a;\">]><rss><channel><item><title>&a;</title></item></channel></rss>"
        let error = try #require(throws: ImportError.self) { try posts(xml) }
        #expect(error.kind == .tooLarge)
    }
}

@Suite struct FeedPrefixedRootTests {
    @Test func aPrefixedAtomFeedIsSniffedAndImported() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- generated -->
            <atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry><atom:title>Prefixed</atom:title>
            <atom:link href="https://school.example/p"/><atom:category term="news"/></atom:entry></atom:feed>
            """
        let data = Data(xml.utf8)
        let format = ImportFormat.sniff(data, fileName: "feed.xml")
        #expect(format == .atom)
        let posts = try AtomImporter().posts(from: data, context: ImportContext(inputName: "feed.xml"))
        #expect(posts.map(\.title) == ["Prefixed"])
        #expect(posts.first?.url?.absoluteString == "https://school.example/p")
        #expect(posts.first?.tags == ["news"])
    }

    @Test func aDoctypeWithEntitiesIsSniffedAsAFeedNotAPage() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> <!ENTITY school "Hilltop"> ]>
            <rss version="2.0"><channel><item><title>&school;&nbsp;news</title></item></channel></rss>
            """
        let data = Data(xml.utf8)
        #expect(ImportFormat.sniff(data, fileName: "feed.xml") == .rss)
        let posts = try RSSImporter().posts(from: data, context: ImportContext(inputName: "feed.xml"))
        #expect(posts.map(\.title) == ["Hilltop news"])
    }
}
