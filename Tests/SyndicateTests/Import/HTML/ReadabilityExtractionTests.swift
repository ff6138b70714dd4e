import Foundation
import Syndicate
import Testing

/// Readability's `_grabArticle` and `_prepArticle` rules, each on a small hand-written page
/// long enough (over 500 characters of article) for the first, strictest pass to stand.
@Suite struct ReadabilityExtractionTests {
    /// About a hundred characters of prose, with the commas Readability scores.
    static func prose(_ label: String) -> String {
        "\(label) tells readers what happened, where, when and why, in sentences long enough to score as article text."
    }

    /// `count` paragraphs of prose labelled `label 1`, `label 2`…
    static func paragraphs(_ label: String, _ count: Int) -> String {
        (1...count).map { "<p>" + prose("\(label) \($0)") + "</p>" }.joined()
    }

    func importPage(_ body: String, head: String = "<title>Heads warn of budget cuts in schools</title>") throws -> Post {
        let context = ImportContext(inputName: "page.html", boilerplate: .none)
        let posts = try HTMLImporter().posts(from: Data((head + "<body>" + body + "</body>").utf8), context: context)
        return try #require(posts.first)
    }

    func mentions(_ post: Post, _ label: String) -> Bool {
        post.paragraphs.contains { $0.hasPrefix(label + " ") }
    }

    @Test func unlikelyCandidatesAreRemovedUnlessTheyAlsoNameContent() throws {
        let post = try importPage("""
            <div id=wrap><div class=story>\(Self.paragraphs("Story", 6))</div>
            <div class=related-links>\(Self.paragraphs("Related", 3))</div>
            <div class="content-header">\(Self.paragraphs("Kept", 1))</div></div>
            """)
        #expect(mentions(post, "Story"))
        #expect(!mentions(post, "Related"))
        #expect(mentions(post, "Kept"))
    }

    @Test func hiddenElementsAndNavigationRolesAreRemoved() throws {
        let post = try importPage("""
            <div class=story>\(Self.paragraphs("Story", 6))
            <div style="color: red; display : none">\(Self.paragraphs("Styled", 1))</div>
            <p hidden>\(Self.prose("Hidden"))</p>
            <div aria-hidden=true>\(Self.paragraphs("Aria", 1))</div>
            <div aria-hidden=true class=fallback-image>\(Self.paragraphs("Fallback", 1))</div>
            <div role=navigation>\(Self.paragraphs("Menu", 1))</div></div>
            """)
        #expect(mentions(post, "Story"))
        #expect(!mentions(post, "Styled"))
        #expect(!mentions(post, "Hidden"))
        #expect(!mentions(post, "Aria"))
        #expect(mentions(post, "Fallback"))
        #expect(!mentions(post, "Menu"))
    }

    @Test func linkDensityScalesACandidateDown() throws {
        let links = (1...8).map { "<p><a href=/l\($0)>" + Self.prose("Linked \($0)") + "</a></p>" }.joined()
        let post = try importPage("""
            <div id=one>\(links)</div><div id=gap><span>x</span></div>
            <div id=two>\(Self.paragraphs("Story", 5))</div>
            """)
        #expect(mentions(post, "Story"))
        #expect(!mentions(post, "Linked"))
    }

    @Test func siblingsJoinByScoreClassAndParagraphShape() throws {
        let linkParagraph = "<p><a href=/x>" + Self.prose("Linky") + "</a></p>"
        let post = try importPage("""
            <div id=page><div class=post>\(Self.paragraphs("Story", 6))</div>
            <p>\(Self.prose("Sibling"))</p><p>Short ends here.</p><p>Short without end</p>\(linkParagraph)
            <div class=post>\(Self.paragraphs("Second", 1))</div></div>
            """)
        #expect(mentions(post, "Story"))
        #expect(mentions(post, "Sibling"))
        #expect(post.paragraphs.contains("Short ends here."))
        #expect(!post.paragraphs.contains("Short without end"))
        #expect(!mentions(post, "Linky"))
        #expect(mentions(post, "Second"))
    }

    @Test func textOnlyDivsAndDoubleLineBreaksBecomeParagraphs() throws {
        let divs = (1...5).map { "<div>" + Self.prose("Div \($0)") + "</div>" }.joined()
        let breaks = (1...3).map { Self.prose("Break \($0)") }.joined(separator: "<br><br>")
        let post = try importPage("<div id=story>\(divs)<div>\(breaks)</div></div>")
        #expect(post.paragraphs.filter { $0.hasPrefix("Div ") }.count == 5)
        #expect(post.paragraphs.filter { $0.hasPrefix("Break ") }.count == 3)
    }

    @Test func aHeadingThatRepeatsTheTitleIsDropped() throws {
        let post = try importPage("<div class=story><h1>Heads warn of budget cuts in schools</h1>\(Self.paragraphs("Story", 6))<h2>What comes next for the schools</h2>\(Self.paragraphs("Later", 1))</div>")
        #expect(!post.paragraphs.contains("Heads warn of budget cuts in schools"))
        #expect(post.paragraphs.contains("What comes next for the schools"))
    }

    @Test func theBylineElementIsTakenOutOfTheText() throws {
        let post = try importPage("<div class=story><p class=byline>By Jane Roe</p>\(Self.paragraphs("Story", 6))</div>")
        #expect(post.author == "By Jane Roe")
        #expect(!post.paragraphs.contains("By Jane Roe"))
    }

    @Test func conditionalCleaningDropsLinkBlocksButKeepsDataTables() throws {
        let list = "<div><p>" + (1...6).map { "<a href=/r\($0)>Related story \($0)</a>" }.joined(separator: " ") + "</p></div>"
        let rows = (1...4).map { "<tr><td>Row \($0)</td><td>\($0)</td><td>\($0 * 2)</td></tr>" }.joined()
        let post = try importPage("""
            <div class=story>\(Self.paragraphs("Story", 6))\(list)
            <table><thead><tr><th>School</th><th>Pupils</th><th>Staff</th></tr></thead>\(rows)</table>
            <div class=share-tools><a href=/s>Share</a></div></div>
            """)
        #expect(!post.paragraphs.contains { $0.hasPrefix("Related story") })
        #expect(post.paragraphs.contains { $0.contains("Row 3") })
        #expect(!post.paragraphs.contains("Share"))
    }

    @Test func aPassThatFindsTooLittleIsRetriedWithLooserRules() throws {
        // All of the text sits in a block whose class Readability strips as unlikely; the
        // first pass finds under 500 characters, the second keeps the block.
        let post = try importPage("<div class=sidebar-story>\(Self.paragraphs("Story", 6))</div>")
        #expect(post.paragraphs.filter { $0.hasPrefix("Story ") }.count == 6)
    }

    @Test func aPageWithoutArticleOrMainIsReadByScore() throws {
        let post = try importPage("""
            <div id=top><a href=/a>Home</a> <a href=/b>News</a></div>
            <div id=main-column><div class=text>\(Self.paragraphs("Story", 6))</div></div>
            <div id=bottom><p>Copyright 2024 Schools Week Digest</p></div>
            """)
        #expect(post.paragraphs.filter { $0.hasPrefix("Story ") }.count == 6)
        #expect(!post.paragraphs.contains { $0.contains("Copyright") || $0.contains("Home") })
    }

    @Test func aLoginPageIsNoContent() {
        let html = """
            <title>Sign in</title><body><nav><a href=/>Home</a></nav>
            <form class=login><label>Email</label><input name=email><button>Sign in</button></form>
            <footer>Copyright</footer></body>
            """
        #expect(throws: ImportError.self) {
            try HTMLImporter().posts(from: Data(html.utf8), context: ImportContext(inputName: "login.html"))
        }
        do {
            _ = try HTMLImporter().posts(from: Data(html.utf8), context: ImportContext(inputName: "login.html"))
        } catch {
            #expect(error.kind == .noContent)
            #expect(error.description.contains("login.html"))
            #expect(error.description.contains("import the article's own page"))
        }
    }

    @Test func hostileShapesImport() throws {
        let tables = String(repeating: "<table><tr><td>", count: 150) + Self.paragraphs("Deep", 6)
            + String(repeating: "</td></tr></table>", count: 150)
        #expect(try importPage(tables).paragraphs.filter { $0.hasPrefix("Deep ") }.count == 6)
        let breaks = "<div>" + String(repeating: "Line of text<br><br>", count: 20_000) + "</div>"
        #expect(try importPage(breaks).paragraphs.count == 20_000)
        let nested = String(repeating: "<div class=x>", count: 500) + Self.paragraphs("Nested", 6)
            + String(repeating: "</div>", count: 500)
        #expect(try importPage(nested).paragraphs.filter { $0.hasPrefix("Nested ") }.count == 6)
    }

    @Test func aLeadImageCaptionStaysOutButLaterCaptionsAreText() throws {
        let post = try importPage("""
            <div class=story><figure><img src=/a.jpg><figcaption>Lead photo: the head at the gate.</figcaption></figure>
            \(Self.paragraphs("Story", 3))<figure><img src=/b.jpg><figcaption>Later photo: pupils in class.</figcaption></figure>
            \(Self.paragraphs("More", 3))</div>
            """)
        #expect(post.paragraphs.first?.hasPrefix("Story 1 ") == true)
        #expect(!post.paragraphs.contains("Lead photo: the head at the gate."))
        #expect(post.paragraphs.contains("Later photo: pupils in class."))
    }

    @Test func mathJaxContainersAreNotMenus() throws {
        let math = #"<mjx-container class="MathJax CtxtMenu_Attached_0"><mjx-math aria-hidden="true">x</mjx-math><mjx-assistive-mml><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>"#
        let post = try importPage("<div class=story>\(Self.paragraphs("Story", 6))<p>When \(math), the equation holds.</p></div>")
        #expect(post.paragraphs.contains { $0.hasPrefix("When a≠0") })
        let menu = try importPage("<div class=story>\(Self.paragraphs("Story", 6))<div class=menu-bar><p>\(Self.prose("Menu"))</p></div></div>")
        #expect(!mentions(menu, "Menu"))
    }
}
