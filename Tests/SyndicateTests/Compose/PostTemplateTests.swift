import Foundation
import Testing

@testable import Syndicate

@Suite struct PostTemplateTests {
    @Test func unknownPlaceholderIsATypedErrorNamingItAndTheKnownOnes() {
        #expect(throws: ComposeError(
            .unknownPlaceholder("headline"),
            message: "The template '{headline} {link}' uses the unknown placeholder '{headline}'; use one of {title} {summary} {link} {hashtags} {source} {author}."
        )) {
            try PostTemplate("{headline} {link}")
        }
    }

    @Test func unclosedBraceIsAnError() {
        #expect(throws: ComposeError(
            .unclosedPlaceholder,
            message: "The template 'New: {summary' has a '{' without a closing '}'; close the placeholder or write '{{' for a literal brace."
        )) {
            try PostTemplate("New: {summary")
        }
    }

    @Test func configurationRejectsABadTemplateWhenItIsSet() {
        var configuration = ComposerConfiguration()
        #expect(throws: ComposeError.self) { try configuration.setTemplate("{summary} {url}", for: .x) }
        #expect(configuration.templates[.x] == nil)
    }

    @Test func placeholdersAreReplaced() throws {
        let template = try PostTemplate("{title} by {author}: {summary} {link} {hashtags}")
        let text = template.render([
            .title: "Fair", .author: "Tamsin", .summary: "It went well.", .link: "https://a.example/1",
            .hashtags: "#Science",
        ])
        #expect(text == "Fair by Tamsin: It went well. https://a.example/1 #Science")
    }

    @Test func parenthesisedGroupGoesWithItsEmptyPlaceholder() throws {
        let template = try PostTemplate("{summary} (via {source})")
        #expect(template.render([.summary: "News.", .source: "The Telegraph"]) == "News. (via The Telegraph)")
        #expect(template.render([.summary: "News."]) == "News.")
    }

    @Test func lineWithoutAnyValueIsDroppedAndBlankLinesDoNotPileUp() throws {
        let template = try PostTemplate("{summary}\n\n{link}\n\n{hashtags}")
        #expect(template.render([.summary: "News.", .hashtags: "#A"]) == "News.\n\n#A")
        #expect(template.render([.summary: "News."]) == "News.")
    }

    @Test func emptyPlaceholderDoesNotLeaveADoubleSpace() throws {
        let template = try PostTemplate("{summary} {link} {hashtags}")
        #expect(template.render([.summary: "News.", .hashtags: "#A"]) == "News. #A")
        #expect(template.render([.link: "https://a.example", .hashtags: "#A"]) == "https://a.example #A")
    }

    @Test func doubledBracesAreLiteral() throws {
        let template = try PostTemplate("{{draft}} {summary}")
        #expect(template.render([.summary: "News."]) == "{draft} News.")
        #expect(template.placeholders == [.summary])
    }

    @Test(arguments: SocialNetwork.allCases)
    func everyNetworkHasAValidDefaultTemplate(network: SocialNetwork) throws {
        let parsed = try PostTemplate(try #require(NetworkRegistry.builtIn.definition(for: network)).defaultTemplate)
        #expect(PostTemplate.default(for: network) == parsed)
        #expect(parsed.uses(.summary))
    }
}
