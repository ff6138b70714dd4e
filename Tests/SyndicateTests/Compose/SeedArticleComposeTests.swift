import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// The acceptance checks on the article that started the project (`../shared/seed/`).
@Suite struct SeedArticleComposeTests {
    /// Lines of the seed page that are not the article: boilerplate and reader comments.
    static let notArticle = [
        "Read more", "Please tell us your thoughts", "sign up to receive", "Facebook page", "More recent posts",
        "Edukit", "League tables", "Categories:", "S Dearnaley", "Why only middle leaders", "Anonymous",
        "considerable care", "Let us know what you think", "1stPOST", "1st POST",
    ]

    @Test func xPayloadSaysWhatHappenedLinksThePostAndCarriesOfsted() throws {
        guard let post = try ComposeFixtures.seedPost() else { return }
        let payload = try Composer().payload(for: post, on: .x)
        let link = ComposeFixtures.seedURL + "?utm_source=x&utm_medium=social&utm_campaign=syndicate"
        #expect(
            payload.text
                == "School leaders will have the chance to work for Ofsted for a year under a new secondment programme announced by Amanda Spielman. \(link) #Leadership #Ofsted")
        #expect(payload.hashtags.contains("Ofsted"))
        #expect(payload.length <= 280)
    }

    @Test(arguments: SocialNetwork.allCases)
    func noBoilerplateOrCommentReachesAPayload(network: SocialNetwork) throws {
        guard let post = try ComposeFixtures.seedPost() else { return }
        let composer = Composer(configuration: ComposerConfiguration(threading: true))
        let json = try Golden.render(try composer.payload(for: post, on: network))
        for line in Self.notArticle {
            #expect(!json.contains(line), "\(network): \(line)")
        }
    }
}
