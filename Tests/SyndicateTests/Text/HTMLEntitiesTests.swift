import Testing

@testable import Syndicate

@Suite struct HTMLEntitiesTests {
    @Test(arguments: [
        ("Ofsted&rsquo;s &amp; ASCL", "Ofsted’s & ASCL"),
        ("&#8220;quoted&#8221;", "“quoted”"),
        ("&#x2019;&#X2019;", "’’"),
        ("&lt;p&gt;", "<p>"),
        ("&copy 2024", "© 2024"),
        ("&copy2024", "©2024"),
        ("AT&T and R&D;", "AT&T and R&D;"),
        ("&notanentity;", "¬anentity;"),  // `&not` is a legacy name, as browsers decode it
        ("&unknownthing;", "&unknownthing;"),
        ("&#0; &#xD800; &#1114112;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
        ("&#146;", "’"),
        ("&", "&"),
        ("&#", "&#"),
        ("&#x;", "&#x;"),
        ("&amp;amp;", "&amp;"),
        ("&NotNestedGreaterGreater;", "\u{2AA2}\u{338}"),
        ("no references", "no references"),
    ])
    func decodesReferencesLikeABrowser(input: String, expected: String) {
        #expect(HTMLEntities.decode(input) == expected)
    }

    @Test func decodesAMillionReferencesInOnePass() {
        let input = String(repeating: "&amp;", count: 1_000_000)
        let output = HTMLEntities.decode(input)
        #expect(output.utf8.count == 1_000_000)
        #expect(output.allSatisfy { $0 == "&" })
    }

    /// Every name of the HTML5 table decodes to its table value, the commonest ones (read from
    /// their bytes without the table) included, also between other text.
    @Test func everyNamedReferenceDecodesToItsTableValue() {
        for (name, value) in HTMLEntities.named {
            #expect(HTMLEntities.decode("&\(name);") == value, "&\(name);")
            #expect(HTMLEntities.decode("a&\(name);b") == "a" + value + "b", "a&\(name);b")
        }
        // Longer names that begin like a common one: the table, or the legacy prefix (`&ampx;` is `&` + `x;`).
        #expect(HTMLEntities.decode("&ampx; &rsquor; &lt") == "&x; \u{2019} <")
    }
}
