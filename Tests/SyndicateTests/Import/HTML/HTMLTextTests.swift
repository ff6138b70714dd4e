import Foundation
import Syndicate
import Testing

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>One</p><p>Two</p>", ["One", "Two"]),
        ("Loose text<div>Block</div>tail", ["Loose text", "Block", "tail"]),
        ("<p>Line one<br>line two<BR/>line three</p>", ["Line one line two line three"]),
        ("<p>Para one<br><br>Para two<br>\n <br />Para three</p>", ["Para one", "Para two", "Para three"]),
        ("<ul><li>One<li>Two<ul><li>Two A</ul><li>Three</ul>", ["One", "Two", "Two A", "Three"]),
        ("<ol><li><p>Item with paragraph</p></li></ol>", ["Item with paragraph"]),
        ("<h2>Heading</h2>Text after", ["Heading", "Text after"]),
        ("<p>  lots \n\t of   <b> space </b>\u{00A0}here  </p>", ["lots of space here"]),
        ("<p>Caf&eacute; &amp; bar &#8212; &#x2014; &lt;tag&gt; &copy 2024</p>", ["Café & bar — — <tag> © 2024"]),
        ("<p>Keep <span>inline</span><a href=x>links</a> together</p>", ["Keep inlinelinks together"]),
        ("<table><tr><td>A<td>B</tr><tr><th>C</th><td>D</td></tr></table>", ["A B", "C D"]),
        ("<pre>  code\n    indented  </pre>", ["code indented"]),
        ("<p></p><div> </div><p>&nbsp;</p><p>Only this</p>", ["Only this"]),
        ("<blockquote><p>Quoted</p>— Someone</blockquote>", ["Quoted", "— Someone"]),
        ("<figure><img src=a.png alt=Alt><figcaption>Caption</figcaption></figure>", ["Caption"]),
    ] as [(String, [String])])
    func blocksBreaksAndWhitespace(html: String, paragraphs: [String]) {
        #expect(HTMLText.paragraphs(fromHTML: html) == paragraphs)
    }

    @Test func scriptsStylesTemplatesAndCommentsAreDropped() {
        let html = """
            <head><title>Page title</title><style>p { color: red }</style></head>
            <p>Before<script>document.write("<p>injected</p>")</script> after</p>
            <!-- <p>commented out</p> --><template><p>Template</p></template><noscript><p>Enable JS</p></noscript>
            <svg><text>Chart label</text></svg><select><option>Choice</select><p>End</p>
            """
        #expect(HTMLText.paragraphs(fromHTML: html) == ["Before after", "End"])
    }

    @Test func realWorldMessIsTolerated() {
        let html = """
            <!DOCTYPE html><DIV CLASS=intro><P ALIGN=left>Unclosed <B>bold<P>Second</DIV></span></p>
            <p title='single quoted' data-x=unquoted>Third <i>open italic<p>Fourth</i></p>
            <![CDATA[raw <data>]]><p>Fifth 3 < 4 and 5 > 4</p><p>Stray </nonsense>end tag</p>
            """
        #expect(
            HTMLText.paragraphs(fromHTML: html) == [
                "Unclosed bold", "Second", "Third open italic", "Fourth", "raw <data>", "Fifth 3 < 4 and 5 > 4",
                "Stray end tag",
            ])
    }

    @Test func theDocumentedExampleHolds() {
        #expect(
            HTMLText.paragraphs(fromHTML: "<p>Ofsted&rsquo;s plan<br>for leaders<li>One<li>Two")
                == ["Ofsted\u{2019}s plan for leaders", "One", "Two"])
    }

    @Test func plainTextWithoutTagsIsOneParagraph() {
        #expect(HTMLText.paragraphs(fromHTML: "Just text &amp; more") == ["Just text & more"])
    }

    @Test func emptyAndTagOnlyInputGiveNoParagraphs() {
        #expect(HTMLText.paragraphs(fromHTML: "") == [])
        #expect(HTMLText.paragraphs(fromHTML: "<div><br><hr><img src=x></div>") == [])
    }

    @Test func unterminatedMarkupDoesNotSwallowEarlierText() {
        #expect(HTMLText.paragraphs(fromHTML: "<p>Kept</p><!-- never closed <p>lost") == ["Kept"])
        #expect(HTMLText.paragraphs(fromHTML: "<p>Kept</p><script>never closed") == ["Kept"])
        // An unclosed quote ends at the tag's `>`, so the text after the tag survives.
        #expect(HTMLText.paragraphs(fromHTML: "<p>Kept</p><a href=\"never closed>text") == ["Kept", "text"])
    }

    @Test func paragraphsAndLinksComeFromOneParse() throws {
        let html = #"""
            <p>Read more at <a href="/telegraph">The  <b>Telegraph</b></a> &amp; <a href="x:bad">Bad</a></p>
            <p><a href="/first">Again</a> <a href="/second">Again</a> <a href="/empty"> </a></p>
            <script><a href="/hidden">Hidden</a></script>
            """#
        let base = try #require(URL(string: "https://school.example/news/"))
        let (paragraphs, links) = HTMLText.paragraphsAndLinks(fromHTML: html) { href in
            href.hasPrefix("x:") ? nil : URL(string: href, relativeTo: base)?.absoluteURL
        }
        #expect(paragraphs == HTMLText.paragraphs(fromHTML: html))
        #expect(
            links == [
                "The Telegraph": try #require(URL(string: "https://school.example/telegraph")),
                "Again": try #require(URL(string: "https://school.example/first")),
            ])
    }

    @Test func deepNestingIsFlattenedNotRefused() {
        let depth = 20_000
        let html = String(repeating: "<span>", count: depth) + "deep" + String(repeating: "</span>", count: depth)
            + String(repeating: "<div>", count: depth) + "deeper" + String(repeating: "</div>", count: depth)
        #expect(HTMLText.paragraphs(fromHTML: html) == ["deep", "deeper"])
    }
}
