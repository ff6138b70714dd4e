import Testing
@testable import SyndicateCLI

@Suite struct PlaceholderTests { @Test func nothing() { #expect(Bool(true)) } }
