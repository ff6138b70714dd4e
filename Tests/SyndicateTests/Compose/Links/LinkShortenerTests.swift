import Foundation
import Testing

@testable import Syndicate

@Suite struct LinkShortenerTests {
    /// A shortener with a fixed short domain, as a user would write one.
    struct TableShortener: LinkShortener {
        func shorten(_ url: URL) async throws -> URL {
            guard let short = URL(string: "https://sch.example/\(url.path.count)") else { throw URLError(.badURL) }
            return short
        }
    }

    @Test func passThroughReturnsTheURLUnchanged() async throws {
        let url = try #require(URL(string: "https://school.example/a?utm_source=x"))
        #expect(try await PassThroughShortener().shorten(url) == url)
    }

    @Test func customShortenersPlugIn() async throws {
        let shortener: any LinkShortener = TableShortener()
        let url = try #require(URL(string: "https://school.example/abc"))
        #expect(try await shortener.shorten(url).absoluteString == "https://sch.example/4")
    }
}
