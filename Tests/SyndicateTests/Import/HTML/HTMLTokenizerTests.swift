import Foundation
import Testing

@testable import Syndicate

@Suite struct HTMLTokenizerTests {
    func tokens(_ html: String) -> [HTMLTokenizer.Token] {
        var tokenizer = HTMLTokenizer(bytes: Array(html.utf8))
        var tokens: [HTMLTokenizer.Token] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    func attribute(_ name: String, _ value: String) -> HTMLAttribute {
        HTMLAttribute(name: name, value: value)
    }

    @Test func attributesQuotedSingleQuotedUnquotedAndBare() {
        #expect(
            tokens(#"<A HREF="/x?a=1&amp;b=2" Title='It&#39;s' data-n=42 hidden CLASS = "k">"#) == [
                .startTag(
                    name: "a",
                    attributes: [
                        attribute("href", "/x?a=1&b=2"), attribute("title", "It's"), attribute("data-n", "42"),
                        attribute("hidden", ""), attribute("class", "k"),
                    ],
                    selfClosing: false)
            ])
    }

    @Test func aRepeatedAttributeKeepsTheFirstValue() {
        #expect(tokens("<p id=a id=b>") == [.startTag(name: "p", attributes: [attribute("id", "a")], selfClosing: false)])
    }

    @Test(arguments: [
        ("/search?q=1&copy=2", "/search?q=1&copy=2"),
        ("/search?q=1&copy;2", "/search?q=1©2"),
        ("a &copy b", "a © b"),
        ("/page?x=1&notit=2", "/page?x=1&notit=2"),
        ("&#x41;&#66;", "AB"),
    ])
    func attributeValuesDecodeEntitiesAsBrowsersDo(raw: String, decoded: String) {
        #expect(HTMLTokenizer.decodeAttribute(raw) == decoded)
    }

    @Test func selfClosingAndEndTags() {
        #expect(
            tokens("<br/><img src=a.png /></DIV >") == [
                .startTag(name: "br", attributes: [], selfClosing: true),
                .startTag(name: "img", attributes: [attribute("src", "a.png")], selfClosing: true),
                .endTag(name: "div"),
            ])
    }

    @Test func commentsDoctypesAndProcessingInstructionsYieldNothing() {
        #expect(tokens("<!DOCTYPE html><?xml version=\"1.0\"?><!-- a -- b --><!--><!---><p>") == [
            .startTag(name: "p", attributes: [], selfClosing: false)
        ])
    }

    @Test func cdataIsTextWithoutEntityDecoding() {
        #expect(tokens("<![CDATA[a &amp; <b>]]>") == [.text("a &amp; <b>")])
    }

    @Test func scriptContentIsRawUntilItsOwnEndTag() {
        #expect(
            tokens("<script>if (a < b) { x = '</p>'; y = '</scriptx>' }</SCRIPT>after &amp;") == [
                .startTag(name: "script", attributes: [], selfClosing: false),
                .text("if (a < b) { x = '</p>'; y = '</scriptx>' }"),
                .endTag(name: "script"),
                .text("after &"),
            ])
    }

    @Test func titleContentDecodesEntitiesButNotTags() {
        #expect(
            tokens("<title>A &amp; <b>B</b></title>") == [
                .startTag(name: "title", attributes: [], selfClosing: false),
                .text("A & <b>B</b>"),
                .endTag(name: "title"),
            ])
    }

    @Test func strayLessThanSignsAreText() {
        #expect(tokens("3 < 4 <3 </ 5>") == [.text("3 "), .text("<"), .text(" 4 "), .text("<"), .text("3 ")])
    }

    @Test func anUnclosedQuoteEndsAtTheTagEnd() {
        #expect(
            tokens("<a href=\"x>text") == [
                .startTag(name: "a", attributes: [attribute("href", "x")], selfClosing: false), .text("text"),
            ])
    }
}
