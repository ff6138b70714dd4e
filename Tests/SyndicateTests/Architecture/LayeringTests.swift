import Foundation
import SyndicateTestSupport
import Testing

/// The core's folders depend one way: everything about one network lives in
/// `Sources/Syndicate/Networks/<Name>/`, and no shared folder names a type declared there; the
/// client layer (`Client/`, `HTTP/`) names nothing of `Delivery/`, which sits above it.
@Suite struct LayeringTests {
    /// A Swift source file of the core, with comments removed.
    struct Source {
        var path: String
        var code: String
    }

    static let core = Fixtures.repositoryRoot.appendingPathComponent("Sources/Syndicate")

    /// Every `.swift` file under `folder` (relative to Sources/Syndicate), comments stripped.
    static func sources(in folder: String) throws -> [Source] {
        let root = core.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var result: [Source] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            result.append(Source(path: String(url.path.dropFirst(core.path.count + 1)), code: withoutComments(text)))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// `text` without `//` line comments (doc comments included); string literals are kept.
    static func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("//") { return "" }
            if let range = line.range(of: " // ") { return line[..<range.lowerBound] }
            return line
        }.joined(separator: "\n")
    }

    /// The names of the top-level types `sources` declare (nested ones such as `Failure` are
    /// named through their parent).
    static func declaredTypes(in sources: [Source]) -> Set<String> {
        let pattern = /^(?:(?:public|package|internal|private|fileprivate|final)\s+)*(?:struct|enum|class|actor|protocol|typealias)\s+([A-Z][A-Za-z0-9]*)/
            .anchorsMatchLineEndings()
        var names: Set<String> = []
        for source in sources {
            for match in source.code.matches(of: pattern) { names.insert(String(match.1)) }
        }
        return names
    }

    /// The `(file, type)` pairs where a file of `sources` names one of `types` as a word.
    static func references(to types: Set<String>, in sources: [Source]) -> [String] {
        var found: [String] = []
        for source in sources {
            let words = Set(source.code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
            for type in types.intersection(words).sorted() { found.append("\(source.path) names \(type)") }
        }
        return found
    }

    /// The types declared in the network folders (`Networks/<Name>/`), not in `Networks/` itself.
    static func networkTypes() throws -> Set<String> {
        let networkSources = try sources(in: "Networks").filter { $0.path.split(separator: "/").count > 2 }
        return declaredTypes(in: networkSources)
    }

    @Test func theNetworkFoldersDeclareTheNetworksTypes() throws {
        let types = try Self.networkTypes()
        for expected in ["XClient", "XNetwork", "MastodonNetwork", "BlueskyText", "LinkedInParts", "ThreadsLength"] {
            #expect(types.contains(expected), "\(expected) is not declared under Networks/<Name>/")
        }
    }

    @Test(arguments: ["Import", "Text", "Compose", "Model", "Cleanup", "Client", "HTTP", "Delivery", "Ledger", "Transports", "Registry", "Feeds"])
    func sharedFoldersNameNoTypeOfANetworkFolder(folder: String) throws {
        let sources = try Self.sources(in: folder)
        // A renamed or missing folder must fail here, not pass with nothing read.
        #expect(!sources.isEmpty, "Sources/Syndicate/\(folder) holds no Swift file")
        let found = Self.references(to: try Self.networkTypes(), in: sources)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test(arguments: ["Client", "HTTP"])
    func theClientLayerNamesNothingOfDelivery(folder: String) throws {
        let delivery = Self.declaredTypes(in: try Self.sources(in: "Delivery"))
        let found = Self.references(to: delivery, in: try Self.sources(in: folder))
        #expect(!delivery.isEmpty)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theCheckFindsAReference() {
        let source = Source(path: "Compose/Example.swift", code: "let client = XClient(settings: s)")
        #expect(Self.references(to: ["XClient"], in: [source]) == ["Compose/Example.swift names XClient"])
        #expect(Self.references(to: ["XClient"], in: [Source(path: "a", code: Self.withoutComments("/// XClient"))]).isEmpty)
    }
}
