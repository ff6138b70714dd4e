import Foundation
import Testing

@testable import Syndicate

/// The allocation-free ASCII TLD lookup agrees with the TLD lists.
@Suite struct TwitterTextASCIITLDTableTests {
    static func contains(_ text: String) -> Bool {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { TwitterText.ASCIITLDTable.shared.contains($0, 0..<$0.count) }
    }

    @Test func everyASCIITLDIsFoundInAnyCase() {
        let ascii = (TwitterText.genericTLDs + TwitterText.countryTLDs).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(ascii.count == 1419)
        #expect(ascii.filter { !Self.contains($0) } == [])
        #expect(ascii.filter { !Self.contains($0.uppercased()) } == [])
    }

    @Test(arguments: ["", "c", "comm", "exampl", "xn--p1ai", "com-", "co.uk", "travelersinsurancex", "aaaaaaaaaaaaaaaaaaaaaaaaa"])
    func otherWordsAreNotTLDs(word: String) {
        #expect(!Self.contains(word))
    }

    @Test func nonASCIITLDsAreLeftToTheStringSets() {
        #expect(!Self.contains("vermögensberatung"))
        #expect(!Self.contains("中国"))
    }

    @Test func lookupReadsOnlyTheGivenRange() {
        let units = Array("example.comx".utf16)
        let found = units.withUnsafeBufferPointer { TwitterText.ASCIITLDTable.shared.contains($0, 8..<11) }
        let notFound = units.withUnsafeBufferPointer { TwitterText.ASCIITLDTable.shared.contains($0, 8..<12) }
        #expect(found)
        #expect(!notFound)
    }

    @Test func tldLookupMatchesTheLongestBoundedTLD() {
        #expect(TwitterText.URLScanner.tld(in: Array("com/x".utf16), at: 0) == 3)
        #expect(TwitterText.URLScanner.tld(in: Array("COM".utf16), at: 0) == 3)
        #expect(TwitterText.URLScanner.tld(in: Array("com-x".utf16), at: 0) == nil)
        #expect(TwitterText.URLScanner.tld(in: Array("comx".utf16), at: 0) == nil)
        #expect(TwitterText.URLScanner.tld(in: Array("com日本".utf16), at: 0) == 3)
        #expect(TwitterText.URLScanner.tld(in: Array("\u{212A}r".utf16), at: 0) == 2)
        #expect(TwitterText.URLScanner.tld(in: Array("XN--p1ai".utf16), at: 0) == 8)
        #expect(TwitterText.URLScanner.tld(in: Array("comx".utf16), at: 0, end: 3) == 3)
    }
}
