import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// The school-news article that started the project, imported from `../shared/seed/`.
@Suite struct SeedArticleTests {
    static let expectedParagraphs = [
        "School leaders will have the chance to work for Ofsted for a year under a new secondment programme announced by Amanda Spielman.",
        "Ofsted’s Chief Inspector revealed the plans on Saturday at the school and college leaders at the annual ASCL conference in Birmingham.",
        "The new programme will allow Ofsted to gain expertise from middle leaders and up-to-date experiences of running a school, Mrs Spielman said.",
        "“I’ve spoken a lot about the importance of collaboration and discussion on inspection. And what makes that possible is the shared experiences of inspectors and school leaders,” she said. “Ofsted is part of the education system, not separate from it.”",
        "“Many of our inspectors are serving school leaders, and we plan to start a secondment programme early next year to involve even more of them,” she said. “Our plan is for one-year secondments to Ofsted for middle leaders. They will get access to our training and development, and through inspection gain insight into what all different types of schools are doing.”",
        "Ofsted sees the new programme as forming part of the development journey of school leaders who are on a trajectory to headship or beyond.",
        "After the pilot, Ofsted hopes to open the scheme more widely from January next year. Mrs Spielman said: “We are determined to be a force for improvement in education and we believe this scheme will help by widening our recruitment net and sharing our training. And of course we will benefit enormously from the direct experience that school leaders have. It really is an exciting time for people to join us.”",
    ]

    private func importSeed() throws -> Post? {
        guard let url = Fixtures.shared("seed/ofsted-secondment-article.txt") else { return nil }
        let posts = try PlainTextImporter().posts(
            from: try Data(contentsOf: url), context: Fixtures.context("ofsted-secondment-article.txt"))
        #expect(posts.count == 1)
        let post: Post = try #require(posts.first)
        return post
    }

    @Test func titleIsTheFirstLine() throws {
        guard let post = try importSeed() else { return }
        #expect(post.title == "School leaders will have the chance to work for Ofsted for a year")
    }

    @Test func categoriesBecomeTags() throws {
        guard let post = try importSeed() else { return }
        #expect(post.tags == ["1st POST", "Leadership", "Ofsted", "Primary", "Secondary", "Teaching"])
    }

    @Test func signOffNamesTheAuthor() throws {
        guard let post = try importSeed() else { return }
        #expect(post.author == "Tamsin")
    }

    @Test func attributionBecomesTheSource() throws {
        guard let post = try importSeed() else { return }
        #expect(post.source == Post.Source(name: "The Telegraph"))
    }

    @Test func bodyKeepsExactlyTheNewsParagraphs() throws {
        guard let post = try importSeed() else { return }
        #expect(post.paragraphs == Self.expectedParagraphs)
    }

    @Test func bodyHasNoBoilerplateCommentsOrOtherHeadlines() throws {
        guard let post = try importSeed() else { return }
        let forbidden = [
            "daily email bulletin", "Facebook page", "More recent posts", "League tables", "Edukit",
            "Support on wellbeing", "Let us know what you think", "Dearnaley", "Anonymous", "middle leaders who are",
            "Read more", "Tamsin", "Categories", "The Telegraph reports",
        ]
        for phrase in forbidden {
            #expect(!post.text.contains(phrase), "body still contains '\(phrase)'")
        }
    }

    @Test func idIsTheStableDigestOfTitleAndBody() throws {
        guard let post = try importSeed() else { return }
        #expect(post.id == StableID.digest(post.title, post.text))
        #expect(post.id.count == 16)
    }
}
