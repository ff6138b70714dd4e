import Testing
@testable import Syndicate

@Suite struct PlaceholderTests { @Test func nothing() { #expect(Bool(true)) } }
