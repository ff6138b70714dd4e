import Foundation
import Testing

@testable import Syndicate
@testable import SyndicateImport

/// The Markdown importer's digest must stay the core's `StableID`, so a post keeps its id
/// whichever importer read it.
@Suite struct StableIdentifierTests {
    @Test(arguments: [
        [""], ["a"], ["Heads to join Ofsted", "The pilot starts in January."], ["ab", "c"], ["a", "bc"],
        ["é", "", "日本"],
    ])
    func matchesTheCoreDigest(parts: [String]) {
        let core: String
        let markdown: String
        switch parts.count {
        case 1:
            core = StableID.digest(parts[0])
            markdown = StableIdentifier.digest(parts[0])
        case 2:
            core = StableID.digest(parts[0], parts[1])
            markdown = StableIdentifier.digest(parts[0], parts[1])
        default:
            core = StableID.digest(parts[0], parts[1], parts[2])
            markdown = StableIdentifier.digest(parts[0], parts[1], parts[2])
        }
        #expect(markdown == core)
    }

    @Test func markdownPostWithoutIDOrURLUsesTheDigest() throws {
        let post = try #require(
            try MarkdownImporter().posts(
                from: Data("# Heads to join Ofsted\n\nThe pilot starts in January.\n".utf8),
                context: ImportContext(inputName: "post.md")
            ).first)
        #expect(post.id == StableID.digest("Heads to join Ofsted", "The pilot starts in January."))
    }
}
