import Foundation
import Testing

@testable import Syndicate

@Suite struct ImportFormatSniffingTests {
    @Test(arguments: [
        ("post.md", "", ImportFormat.markdown),
        ("page.HTML", "", .html),
        ("feed.rss", "", .rss),
        ("feed.atom", "", .atom),
        ("article.txt", "", .text),
        ("https://school.example/feed.rss?x=1", "", .rss),
    ])
    func extensionDecidesWhenSpecific(name: String, content: String, expected: ImportFormat) {
        #expect(ImportFormat.sniff(Data(content.utf8), fileName: name) == expected)
    }

    @Test(arguments: [
        ("---\ntitle: A\n---\nBody", ImportFormat.markdown),
        ("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\"><channel/></rss>", .rss),
        ("<rdf:RDF xmlns:rdf=\"…\"></rdf:RDF>", .rss),
        ("\u{FEFF}<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .atom),
        ("<!DOCTYPE html><html><title>x</title></html>", .html),
        ("<html><body>hi</body></html>", .html),
        (#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, .jsonfeed),
        (#"[{"id": "1", "title": "T"}]"#, .json),
        ("School leaders will have the chance\n\nBody", .text),
    ])
    func contentDecidesOtherwise(content: String, expected: ImportFormat) {
        #expect(ImportFormat.sniff(Data(content.utf8), fileName: "input.xml") == expected)
        #expect(ImportFormat.sniff(Data(content.utf8)) == expected)
    }
}

@Suite struct ImportFormatSniffingPrologTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel/></rss>", ImportFormat.rss),
        ("<?xml version=\"1.0\"?><!DOCTYPE rss [\n<!ENTITY copy \"©\">\n<!ENTITY note \"a > b\">\n]>\n<rss version=\"2.0\"><channel/></rss>", .rss),
        ("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\" type=\"text/xsl\"?><!-- <html> --><atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>", .atom),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"/>", .rss),
        ("<r:rss xmlns:r=\"http://backend.userland.com/rss2\" version=\"2.0\"/>", .rss),
        ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html/>", .html),
    ])
    func rootAfterTheProlog(content: String, expected: ImportFormat) {
        #expect(ImportFormat.sniff(Data(content.utf8)) == expected)
    }

    @Test func utf16FeedsAreSniffedByTheirByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        data.append(try #require("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>".data(using: .utf16LittleEndian)))
        #expect(ImportFormat.sniff(data) == .atom)
    }
}
