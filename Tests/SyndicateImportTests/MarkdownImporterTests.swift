import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateImport

@Suite struct MarkdownImporterTests {
    let importer = MarkdownImporter()
    let base = URL(string: "https://school.example/")

    func importMarkdown(_ text: String, name: String = "post.md", baseURL: URL? = nil) throws -> Post {
        let posts = try importer.posts(from: Data(text.utf8), context: Fixtures.context(name, baseURL: baseURL))
        #expect(posts.count == 1)
        return try #require(posts.first)
    }

    func importError(_ text: String, name: String = "post.md") -> ImportError? {
        importError(Data(text.utf8), name: name)
    }

    func importError(_ data: Data, name: String = "post.md") -> ImportError? {
        do {
            _ = try importer.posts(from: data, context: Fixtures.context(name))
            return nil
        } catch {
            return error
        }
    }

    static func utc(_ text: String) throws -> Date {
        try #require(DateParsing.date(from: text))
    }

    // MARK: The example

    @Test func exampleFileImportsEveryField() throws {
        let data = try Fixtures.exampleData("ofsted-secondments.md")
        let posts = try importer.posts(from: data, context: Fixtures.context("ofsted-secondments.md", baseURL: base))
        let post = try #require(posts.first)
        #expect(posts.count == 1)
        #expect(post.id == "https://school.example/news/ofsted-secondments/")
        #expect(post.title == "Ofsted to offer school leaders year-long secondments")
        #expect(post.url == URL(string: "https://school.example/news/ofsted-secondments/"))
        #expect(
            post.summary
                == "Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference."
        )
        #expect(
            post.paragraphs == [
                "Middle leaders in schools will be able to spend a year on secondment to Ofsted, under a scheme Amanda Spielman unveiled at the ASCL annual conference.",
                "Speaking to heads and college leaders in Birmingham on Saturday, the Chief Inspector said the inspectorate wants to learn from people who run schools day to day.",
                "“Inspection works best when inspectors and school leaders share the same experience,” she told delegates.",
                "A pilot begins early next year, and Ofsted hopes to open the programme to more leaders from the following January. Secondees will join Ofsted’s own training and see how many different kinds of school approach the same challenges.",
                "Ofsted says it sees the secondments as a step for leaders who are heading towards headship.",
            ])
        #expect(post.author == "Tamsin")
        #expect(post.published == (try Self.utc("2026-03-09T10:30:00Z")))
        #expect(post.updated == (try Self.utc("2026-03-10")))
        #expect(post.tags == ["Leadership", "Ofsted", "Primary", "Secondary", "Teaching"])
        #expect(
            post.images == [
                Post.Image(
                    url: try #require(URL(string: "https://school.example/images/ofsted-secondments.jpg")),
                    alt: "Delegates in the hall at the ASCL annual conference")
            ])
        #expect(
            post.source
                == Post.Source(
                    name: "The Telegraph", url: URL(string: "https://www.telegraph.co.uk/education/ofsted-secondments/")
                ))
        #expect(post.language == "en-GB")
        #expect(post.markup?.kind == .markdown)
        #expect(post.markup?.content.hasPrefix("Middle leaders in schools will be able") == true)
        #expect(post.markup?.content.contains("title:") == false)
    }

    // MARK: Title

    @Test func noFrontMatterTakesTheTitleFromTheFirstHeading() throws {
        let post = try importMarkdown(
            "Intro line before.\n\n# Heads to join *Ofsted*\n\nThe pilot starts in January.\n")
        #expect(post.title == "Heads to join *Ofsted*")
        #expect(post.paragraphs == ["Intro line before.", "The pilot starts in January."])
        #expect(
            post.markup == Post.Markup(kind: .markdown, content: "Intro line before.\n\n\nThe pilot starts in January.")
        )
        #expect(post.id.count == 16)
    }

    @Test func headingInsideFencedCodeIsNotTheTitle() throws {
        let post = try importMarkdown("```\n# not a title\n```\n\n# Real title #\n\nBody.")
        #expect(post.title == "Real title")
    }

    @Test func frontMatterWithoutTitleFallsBackToTheHeading() throws {
        let post = try importMarkdown("---\ndate: 2026-03-09\n---\n# Heads to join Ofsted\n\nBody.")
        #expect(post.title == "Heads to join Ofsted")
        #expect(post.paragraphs == ["Body."])
        #expect(post.published == (try Self.utc("2026-03-09")))
    }

    @Test func noTitleAnywhereIsMissingField() {
        #expect(
            importError("---\ndate: 2026-03-09\n---\nJust a body.\n\n## Second level only")
                == ImportError(
                    .missingField, input: "post.md", format: .markdown,
                    message:
                        "the post has no title; add 'title: …' to the front matter or start the body with a '# Heading' line."
                ))
    }

    @Test func titleRepeatedAsTheFirstHeadingIsNotInTheBody() throws {
        let post = try importMarkdown("---\ntitle: Heads to join Ofsted\n---\n# Heads to join Ofsted\n\nBody.")
        #expect(post.paragraphs == ["Body."])
    }

    // MARK: Front matter errors

    @Test func unterminatedFrontMatterIsMalformed() {
        #expect(
            importError("---\ntitle: Heads to join Ofsted\n\nBody without a closing line.")
                == ImportError(
                    .malformed, input: "post.md", format: .markdown, location: "line 1",
                    message:
                        "the front matter opened on line 1 is never closed; add a line with --- after the last field."))
    }

    @Test func invalidYAMLNamesTheLineInTheFile() {
        #expect(
            importError("---\ntitle: Heads\ntags: [Ofsted, Leadership\ndate: 2026-03-09\n---\nBody.")
                == ImportError(
                    .malformed, input: "post.md", format: .markdown, location: "line 4, column 5",
                    message:
                        "the front matter is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 3); fix it (quote values that contain ': ' or start with a special character)."
                ))
    }

    @Test func colonInAnUnquotedValueIsMalformed() {
        #expect(
            importError("---\ntitle: Ofsted: a new scheme: details\n---\nBody.")
                == ImportError(
                    .malformed, input: "post.md", format: .markdown, location: "line 2, column 14",
                    message:
                        "the front matter is not valid YAML: mapping values are not allowed in this context; fix it (quote values that contain ': ' or start with a special character)."
                ))
    }

    @Test func duplicateKeysAreMalformed() {
        let error = importError("---\ntitle: A\ntitle: B\n---\nBody.")
        #expect(error?.kind == .malformed)
        #expect(error?.message == "the front matter repeats the key(s) title; keep one of each.")
        #expect(error?.location == "line 2")
    }

    @Test func frontMatterThatIsAListIsMalformed() {
        #expect(
            importError("---\n- one\n- two\n---\n# Title\n")
                == ImportError(
                    .malformed, input: "post.md", format: .markdown, location: "line 2",
                    message: "the front matter is not a list of key: value fields; write it as 'title: …' lines."))
    }

    @Test func tomlFrontMatterIsMalformed() {
        #expect(importError("+++\ntitle = \"T\"\n+++\nBody.")?.kind == .malformed)
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let post = try importMarkdown("---\n---\n# Heads to join Ofsted\n\nBody.")
        #expect(post.title == "Heads to join Ofsted")
    }

    // MARK: Field variants

    @Test(arguments: [
        ("tags: [Ofsted, Leadership]", ["Ofsted", "Leadership"]),
        ("tags:\n  - Ofsted\n  - Early Years", ["Ofsted", "Early Years"]),
        ("tags: Ofsted, Early Years", ["Ofsted", "Early Years"]),
        ("tags: ofsted leadership", ["ofsted", "leadership"]),
        ("categories: News\ntags: [Ofsted, news]", ["News", "Ofsted"]),
        ("tags: [Ofsted]\ncategories: [Leadership]", ["Ofsted", "Leadership"]),
        ("category: Leadership", ["Leadership"]),
        ("tags: []", []),
    ])
    func tagsAndCategories(field: String, expected: [String]) throws {
        let post = try importMarkdown("---\ntitle: T\n\(field)\n---\nBody.")
        #expect(post.tags == expected)
    }

    @Test func imageAsAStringOrAMappingResolvesAgainstTheBase() throws {
        let string = try importMarkdown("---\ntitle: T\nimage: /img/a.jpg\n---\nBody.", baseURL: base)
        #expect(string.images == [Post.Image(url: try #require(URL(string: "https://school.example/img/a.jpg")))])
        let mapping = try importMarkdown(
            "---\ntitle: T\nimage:\n  url: https://cdn.example/b.png\n  alt: A hall\nimages: [c.png]\n---\nBody.",
            baseURL: URL(string: "https://school.example/news/"))
        #expect(
            mapping.images == [
                Post.Image(url: try #require(URL(string: "https://cdn.example/b.png")), alt: "A hall"),
                Post.Image(url: try #require(URL(string: "https://school.example/news/c.png"))),
            ])
    }

    @Test func relativeURLsWithoutABaseAreLeftOut() throws {
        let post = try importMarkdown("---\ntitle: T\nurl: /news/t/\nimage: /img/a.jpg\n---\nBody.")
        #expect(post.url == nil)
        #expect(post.images == [])
    }

    @Test func canonicalURLWinsAndIDOrGuidIsTheID() throws {
        let post = try importMarkdown(
            "---\ntitle: T\npermalink: /a/\ncanonical_url: https://example.org/t\nguid: tag:school.example,2026:1\n---\nBody.",
            baseURL: base)
        #expect(post.url == URL(string: "https://example.org/t"))
        #expect(post.id == "tag:school.example,2026:1")
        let withoutID = try importMarkdown("---\ntitle: T\npermalink: /a/\n---\nBody.", baseURL: base)
        #expect(withoutID.id == "https://school.example/a/")
    }

    @Test(arguments: [
        ("author: Tamsin", "Tamsin"),
        ("author:\n  name: Tamsin Smith\n  email: t@school.example", "Tamsin Smith"),
        ("authors: [Tamsin, Sam]", "Tamsin"),
    ])
    func authorVariants(field: String, expected: String) throws {
        #expect(try importMarkdown("---\ntitle: T\n\(field)\n---\nBody. ~ Someone Else").author == expected)
    }

    @Test(arguments: [
        ("date: 2026-03-09", "2026-03-09T00:00:00Z"),
        ("date: 2026-03-09T10:30:00+01:00", "2026-03-09T09:30:00Z"),
        ("date: 2026-03-09 10:30:00 +0100", "2026-03-09T09:30:00Z"),
        ("date: \"Mon, 09 Mar 2026 10:30:00 GMT\"", "2026-03-09T10:30:00Z"),
        ("published: 2026-03-09T10:30:00.5Z", "2026-03-09T10:30:00.5Z"),
    ])
    func dates(field: String, expected: String) throws {
        #expect(try importMarkdown("---\ntitle: T\n\(field)\n---\nBody.").published == (try Self.utc(expected)))
    }

    @Test func updatedDescriptionLanguageAndDraft() throws {
        let post = try importMarkdown(
            "---\ntitle: T\nupdated: 2026-03-10\ndescription: Hugo's summary.\nlanguage: fr\ndraft: true\n---\nBody.")
        #expect(post.updated == (try Self.utc("2026-03-10")))
        #expect(post.summary == "Hugo's summary.")
        #expect(post.language == "fr")
    }

    @Test func unparseableDateIsLeftOut() throws {
        #expect(try importMarkdown("---\ntitle: T\ndate: soon\n---\nBody.").published == nil)
    }

    @Test func numericTitleIsText() throws {
        #expect(try importMarkdown("---\ntitle: 1984\n---\nBody.").title == "1984")
    }

    // MARK: Encodings and hostile input

    @Test func crlfAndBOMGiveTheSamePost() throws {
        let lf = try importMarkdown("---\ntitle: T\ntags: [a, b]\n---\nFirst.\n\nSecond.\n")
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\r\ntitle: T\r\ntags: [a, b]\r\n---\r\nFirst.\r\n\r\nSecond.\r\n".utf8))
        let crlf = try #require(try importer.posts(from: data, context: Fixtures.context("post.md")).first)
        #expect(crlf == lf)
        #expect(crlf.paragraphs == ["First.", "Second."])
    }

    @Test func emptyWhitespaceBinaryAndInvalidUTF8() {
        #expect(importError(Data())?.kind == .empty)
        #expect(importError("  \n\n ")?.kind == .empty)
        #expect(importError(Data([0x23, 0x20, 0x00, 0x01]))?.kind == .notText)
        #expect(importError(Data([0x23, 0x20, 0x54, 0xFF]))?.kind == .notText)
    }

    @Test func deeplyNestedBracketsAndListsImport() throws {
        let brackets =
            "# T\n\n" + String(repeating: "[[[[[[[[[[x", count: 50) + "\n\n" + String(repeating: "[", count: 30)
            + "x" + String(repeating: "]", count: 30)
        let lists = "# L\n\n" + (0..<600).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        let post = try importMarkdown(brackets)
        #expect(post.paragraphs.first?.hasPrefix("[[[[[[[[[[x[[[[") == true)
        #expect(try importMarkdown(lists).title == "L")
    }

    @Test func guardLeavesOrdinaryMarkdownAlone() {
        let markdown =
            "A [link](https://a.example) and [![alt](i.png)](https://b.example), `[code` and \\[x.\n\n```\n[[[\n```"
        #expect(MarkdownGuard.defused(markdown) == markdown)
        #expect(MarkdownGuard.defused("[[[x] and [y") == "\\[[\\[x] and \\[y")
    }

    @Test func anUnclosedBacktickRunDoesNotShieldTheBracketsAfterIt() {
        // Found by fuzzing (Fuzz/Regressions/markdown): a lone ``` read as an open code span let
        // unmatched brackets through to Ink, which took seconds on a 1 KB input.
        #expect(MarkdownGuard.defused("a ```b [[[c") == "a ```b \\[\\[\\[c")
        #expect(MarkdownGuard.defused("`[[[` and ``[`` stay code") == "`[[[` and ``[`` stay code")
        #expect(MarkdownGuard.defused("\\`[[ x`") == "\\`\\[\\[ x`")
    }

    // MARK: Boilerplate and links

    @Test func boilerplateIsRemovedAndReadMoreLinkIsTheSourceURL() throws {
        let post = try importMarkdown(
            """
            ---
            title: Heads to join Ofsted
            ---
            School leaders can be seconded to Ofsted, [Schools Week](https://schoolsweek.example/) reports.

            Read more [Heads to join Ofsted](https://schoolsweek.example/heads)

            Follow us on Twitter

            ## Related posts

            - Another story
            """)
        #expect(post.paragraphs == ["School leaders can be seconded to Ofsted."])
        #expect(post.source == Post.Source(name: "Schools Week", url: URL(string: "https://schoolsweek.example/")))
    }

    @Test func contextFilterIsUsed() throws {
        let text = "---\ntitle: T\n---\nBody.\n\nFollow us on Twitter"
        let post = try #require(
            try importer.posts(from: Data(text.utf8), context: ImportContext(inputName: "p.md", boilerplate: .none))
                .first)
        #expect(post.paragraphs == ["Body.", "Follow us on Twitter"])
    }

    @Test func postImportPicksTheMarkdownImporterByExtension() throws {
        let posts = try PostImport.posts(
            from: try Fixtures.exampleData("ofsted-secondments.md"), context: Fixtures.context("ofsted-secondments.md"))
        #expect(posts.first?.title == "Ofsted to offer school leaders year-long secondments")
    }
}
