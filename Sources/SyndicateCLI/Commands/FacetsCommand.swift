import ArgumentParser
import Foundation
import Syndicate

/// `syndicate facets`: prints the Bluesky rich-text facets of a text as JSON.
struct FacetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facets",
        abstract: "Print the Bluesky rich-text facets (links, mentions, tags) of a text as JSON.",
        discussion: """
            Detects facets as Bluesky's reference SDK does and prints one JSON array: \
            [{"index":{"byteStart":N,"byteEnd":N},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"…"}]}]. \
            Offsets are UTF-8 bytes. Tags carry "tag" (without #; cashtags keep their $), links \
            "uri". Mentions are not resolved: they carry the handle in "did" plus \
            "unresolved":true; resolve it to a DID before posting. Without TEXT, reads standard \
            input (one trailing line ending is dropped).
            """
    )

    @Argument(help: "The post text; without it, standard input is read.")
    var text: String?

    func run() throws {
        let text: String
        do {
            text = try TextInput.text(self.text)
        } catch {
            FileHandle.standardError.write(Data("syndicate facets: \(error)\n".utf8))
            throw ExitCode(65)
        }
        print(BlueskyFacet.json(BlueskyText.facets(in: text)))
    }
}
