import Foundation
import Testing

@testable import Syndicate

@Suite struct HTMLTreeBuilderTests {
    /// The tree as `name(children)`, text in quotes, whitespace-only text left out.
    func shape(_ html: String, maxDepth: Int = 512) -> String {
        let tree = HTMLTree(html: html, maxDepth: maxDepth)
        var output = ""
        tree.walk(from: HTMLTree.document) { step in
            switch step {
            case .enter(let node) where node != HTMLTree.document: output += tree.name(node) + "("
            case .exit(let node) where node != HTMLTree.document: output += ")"
            case .text(let node):
                let text = Whitespace.collapse(tree.nodes[node].text)
                if !text.isEmpty { output += "'\(text)'" }
            default: break
            }
        }
        return output
    }

    @Test(arguments: [
        ("<p>a<p>b", "p('a')p('b')"),
        ("<p>a<div>b</div>", "p('a')div('b')"),
        ("<p>a<span>b<p>c", "p('a'span('b'))p('c')"),
        ("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>", "ul(li('a')li('b'ul(li('c')))li('d'))"),
        ("<dl><dt>a<dd>b<dt>c</dl>", "dl(dt('a')dd('b')dt('c'))"),
        ("<table><tr><td>a<td>b<tr><td>c</table>", "table(tr(td('a')td('b'))tr(td('c')))"),
        ("<table><tr><td><p>a<table><tr><td>b</table>c</table>", "table(tr(td(p('a')table(tr(td('b')))'c')))"),
        ("<select><option>a<option>b</select>", "select(option('a')option('b'))"),
        ("<a href=1>a<a href=2>b</a>", "a('a')a('b')"),
        ("<h1>a<h2>b</h2>", "h1('a')h2('b')"),
        ("<p>a<br>b<img src=x>c<hr>d", "p('a'br()'b'img()'c')hr()'d'"),
        ("<div>a</span></p>b</div>c", "div('a''b')'c'"),
        ("<div><b>a</div>b", "div(b('a'))'b'"),
        ("<DIV>a</Div>", "div('a')"),
        ("<body><p>a</body><body class=x><p>b", "body(p('a'))p('b')"),
        ("</br>", "br()"),
        ("<div/>a", "div()'a'"),
    ])
    func impliedEndTagsAndRepairs(html: String, expected: String) {
        #expect(shape(html) == expected)
    }

    @Test func nestingBeyondTheCapIsFlattenedIntoTheDeepestElement() {
        let html = String(repeating: "<div>", count: 5) + "<p>x</p><script>var y</script>" + String(repeating: "</div>", count: 5)
            + "<p>after</p>"
        #expect(shape(html, maxDepth: 3) == "div(div(div('x')))p('after')")
    }

    @Test func elementsKnowTheirSourceMarkup() throws {
        let html = "<main><article id=a><p>One<p>Two</article><p>Three</main>"
        let tree = HTMLTree(html: html)
        let article = try #require(tree.nodes.indices.first { tree.name($0) == "article" })
        #expect(tree.outerHTML(of: article) == "<article id=a><p>One<p>Two</article>")
        let paragraphs = tree.nodes.indices.filter { tree.name($0) == "p" }.map(tree.outerHTML(of:))
        #expect(paragraphs == ["<p>One", "<p>Two", "<p>Three"])
        #expect(tree.textContent(of: article) == "OneTwo")
    }

    @Test func unclosedElementsEndAtTheEndOfInput() throws {
        let tree = HTMLTree(html: "<div><p>open")
        let div = try #require(tree.nodes.indices.first { tree.name($0) == "div" })
        #expect(tree.outerHTML(of: div) == "<div><p>open")
    }

    @Test func aMillionStrayEndTagsAreIgnoredQuickly() {
        let html = "<div>a" + String(repeating: "</span>", count: 1_000_000 / 10) + "b</div>"
        #expect(shape(html) == "div('a''b')")
    }
}
