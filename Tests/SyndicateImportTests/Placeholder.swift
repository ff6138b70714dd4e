import Testing
@testable import SyndicateImport

@Suite struct PlaceholderTests { @Test func nothing() { #expect(Bool(true)) } }
