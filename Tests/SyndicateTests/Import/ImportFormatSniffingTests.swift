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
