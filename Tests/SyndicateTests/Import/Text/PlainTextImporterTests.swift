import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct PlainTextImporterTests {
    let importer = PlainTextImporter()

    func importText(_ text: String, name: String = "post.txt") throws -> Post {
        let posts = try importer.posts(from: Data(text.utf8), context: Fixtures.context(name))
        #expect(posts.count == 1)
        return try #require(posts.first)
    }

    func importError(_ data: Data, name: String = "post.txt") -> ImportError? {
        do {
            _ = try importer.posts(from: data, context: Fixtures.context(name))
            return nil
        } catch {
            return error
        }
    }

    @Test func exampleFileImportsTheStory() throws {
        let posts = try importer.posts(
            from: try Fixtures.exampleData("ofsted-secondments.txt"),
            context: Fixtures.context("ofsted-secondments.txt"))
        let paragraphs = [
            "Middle leaders in schools will be able to spend a year on secondment to Ofsted, under a scheme Amanda Spielman unveiled at the ASCL annual conference.",
            "Speaking to heads and college leaders in Birmingham on Saturday, the Chief Inspector said the inspectorate wants to learn from people who run schools day to day.",
            "“Inspection works best when inspectors and school leaders share the same experience,” she told delegates.",
            "A pilot begins early next year, and Ofsted hopes to open the programme to more leaders from the following January. Secondees will join Ofsted’s own training and see how many different kinds of school approach the same challenges.",
            "Ofsted posted details of the scheme on its Facebook page on Monday.",
        ]
        let post = try #require(posts.first)
        #expect(posts.count == 1)
        #expect(post.title == "Ofsted to offer school leaders year-long secondments")
        #expect(post.paragraphs == paragraphs)
        #expect(post.tags == ["Leadership", "Ofsted", "Primary", "Secondary", "Teaching"])
        #expect(post.author == "Tamsin")
        #expect(post.source == Post.Source(name: "The Telegraph"))
        #expect(post.id == StableID.digest(post.title, paragraphs.joined(separator: "\n\n")))
        #expect(post.markup?.kind == .text)
        #expect(post.markup?.content.hasPrefix("Middle leaders in schools") == true)
        #expect(post.url == nil)
        #expect(post.published == nil)
    }

    @Test func linesOfAParagraphAreJoinedAndQuotesKept() throws {
        let post = try importText(
            "  Heads to join Ofsted  \n\nSchool leaders   will be\nseconded for a year,\n“she said”.\n")
        #expect(post.title == "Heads to join Ofsted")
        #expect(post.paragraphs == ["School leaders will be seconded for a year, “she said”."])
    }

    @Test func leadingBlankLinesBeforeTheTitleAreSkipped() throws {
        let post = try importText("\n \n\t\nHeads to join Ofsted\nThe pilot starts in January.")
        #expect(post.title == "Heads to join Ofsted")
        #expect(post.paragraphs == ["The pilot starts in January."])
    }

    @Test func crlfAndCRLineEndingsGiveTheSamePost() throws {
        let lf = try importText("Heads to join Ofsted\n\nFirst paragraph.\n\nSecond\nparagraph.\n")
        let crlf = try importText("Heads to join Ofsted\r\n\r\nFirst paragraph.\r\n\r\nSecond\r\nparagraph.\r\n")
        let cr = try importText("Heads to join Ofsted\r\rFirst paragraph.\r\rSecond\rparagraph.\r")
        #expect(crlf.paragraphs == ["First paragraph.", "Second paragraph."])
        #expect(crlf.title == lf.title)
        #expect(crlf.paragraphs == lf.paragraphs)
        #expect(crlf.id == lf.id)
        #expect(cr.paragraphs == lf.paragraphs)
    }

    @Test func byteOrderMarkIsNotPartOfTheTitle() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("Heads to join Ofsted\n\nThe pilot starts in January.".utf8))
        let post = try #require(try importer.posts(from: data, context: Fixtures.context("bom.txt")).first)
        #expect(post.title == "Heads to join Ofsted")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("Heads to join Ofsted\n\nThe pilot starts in January.".data(using: .utf16LittleEndian) ?? Data())
        let fromUTF16 = try #require(try importer.posts(from: utf16, context: Fixtures.context("bom16.txt")).first)
        #expect(fromUTF16.title == "Heads to join Ofsted")
        #expect(fromUTF16.paragraphs == ["The pilot starts in January."])
    }

    @Test func titleOnlyIsNoContent() {
        let error = importError(Data("Heads to join Ofsted\n\n  \n".utf8), name: "title-only.txt")
        #expect(
            error
                == ImportError(
                    .noContent, input: "title-only.txt", format: .text, location: "line 2",
                    message:
                        "the text has a title ('Heads to join Ofsted') but no body; put the post's paragraphs below the title, separated by blank lines."
                ))
    }

    @Test func bodyOfOnlyBoilerplateIsNoContent() {
        let error = importError(
            Data("Heads to join Ofsted\n\nFollow us on Twitter\n\nLet us know what you think...".utf8))
        #expect(error?.kind == .noContent)
    }

    @Test func emptyAndWhitespaceOnlyAreEmpty() {
        let expected = ImportError(
            .empty, input: "post.txt", format: .text, message: "the input is empty; give a file with a post in it.")
        #expect(importError(Data()) == expected)
        #expect(importError(Data(" \n\t\r\n  ".utf8)) == expected)
    }

    @Test func binaryIsNotText() {
        let error = importError(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]), name: "photo.png")
        #expect(error?.kind == .notText)
        #expect(error?.input == "photo.png")
        let nul = importError(Data("Title\n\nBody\u{0}with a NUL".utf8))
        #expect(nul?.kind == .notText)
        #expect(nul?.message == "the input looks like binary data, not a document.")
    }

    @Test func invalidUTF8IsNotTextAndNamesTheByte() {
        var data = Data("Heads to join Ofsted\n\nCaf".utf8)
        data.append(0xE9)
        let error = importError(data, name: "latin1.txt")
        #expect(
            error
                == ImportError(
                    .notText, input: "latin1.txt", format: .text,
                    message: "byte 25 is not valid UTF-8; convert the file to UTF-8 (for example with iconv)."))
    }

    @Test func numberedReaderCommentsAreDropped() throws {
        let text = """
            Heads to join Ofsted

            The pilot starts in January.

              1. S Dearnaley

                Why only middle leaders?

                A second paragraph of the same comment.

              2. Anonymous

                Inspectors must not inspect schools they know.

            Final news paragraph.
            """
        let post = try importText(text)
        #expect(post.paragraphs == ["The pilot starts in January.", "Final news paragraph."])
    }

    @Test func numberedListInTheStoryIsKept() throws {
        let text = """
            Heads to join Ofsted

            The scheme has three parts:

            1. A year at Ofsted.

            2. Inspector training.

              3. A return to school
            """
        let post = try importText(text)
        #expect(
            post.paragraphs == [
                "The scheme has three parts:", "1. A year at Ofsted.", "2. Inspector training.",
                "3. A return to school",
            ])
    }

    @Test func headlinesAfterMoreRecentPostsAreDroppedButCategoriesKept() throws {
        let text = """
            Heads to join Ofsted

            The pilot starts in January.

            More recent posts...

            Edukit Safeguarding Insight

            League tables 'stigmatise schools'
            Support on wellbeing for teachers
            Categories: Ofsted and Leadership.
            """
        let post = try importText(text)
        #expect(post.paragraphs == ["The pilot starts in January."])
        #expect(post.tags == ["Ofsted", "Leadership"])
    }

    @Test func contextRulesAreUsed() throws {
        let text = "Heads to join Ofsted\n\nThe pilot starts in January.\n\nFollow us on Twitter"
        let context = ImportContext(inputName: "post.txt", boilerplate: .none)
        let post = try #require(try importer.posts(from: Data(text.utf8), context: context).first)
        #expect(post.paragraphs == ["The pilot starts in January.", "Follow us on Twitter"])
    }

    @Test func oversizedInputIsTooLarge() {
        let context = ImportContext(inputName: "big.txt", limits: ImportLimits(maxDocumentBytes: 10))
        #expect(throws: ImportError.self) {
            _ = try importer.posts(from: Data("Heads to join Ofsted\n\nBody".utf8), context: context)
        }
        do {
            _ = try importer.posts(from: Data("Heads to join Ofsted\n\nBody".utf8), context: context)
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func fourMegabytesImportWhole() throws {
        let paragraph = String(repeating: "School leaders will be seconded to Ofsted. ", count: 20)
        let text = "Heads to join Ofsted\n\n" + Array(repeating: paragraph, count: 5_000).joined(separator: "\n\n")
        let post = try importText(text)
        #expect(post.paragraphs.count == 5_000)
    }
}
