import Foundation
import Testing

@testable import Syndicate

@Suite struct BoilerplateFilterTests {
    let lead = "School leaders will be able to work for Ofsted for a year."

    // MARK: Attribution

    @Test func reportsLineBecomesTheSource() {
        let result = BoilerplateFilter.default.clean([lead, "The Telegraph reports."], title: nil)
        #expect(result == .init(paragraphs: [lead], source: Post.Source(name: "The Telegraph")))
    }

    @Test func decomposedAccentsStayInsideThePublicationsName() {
        // "Süddeutsche" in NFD: u followed by a combining diaeresis, as some editors write it.
        let name = "Su\u{308}ddeutsche Zeitung"
        let result = BoilerplateFilter.default.clean([lead, name + " reports."], title: nil)
        #expect(result == .init(paragraphs: [lead], source: Post.Source(name: name)))
    }

    @Test func trailingReportsSentenceIsCutFromTheLead() {
        let result = BoilerplateFilter.default.clean(
            ["Heads can be seconded, announced by Amanda Spielman.\u{A0} The Telegraph reports."], title: nil)
        #expect(result.paragraphs == ["Heads can be seconded, announced by Amanda Spielman."])
        #expect(result.source == Post.Source(name: "The Telegraph"))
    }

    @Test func commaAttributionBecomesTheSourceAndTheSentenceEnds() {
        let result = BoilerplateFilter.default.clean(
            ["Ofsted will pilot the scheme next year, the BBC reports."], title: nil)
        #expect(result.paragraphs == ["Ofsted will pilot the scheme next year."])
        #expect(result.source == Post.Source(name: "BBC"))
    }

    @Test func invertedAttributionNamesThePublication() {
        let result = BoilerplateFilter.default.clean(
            ["Ofsted will pilot the scheme next year, reports the Guardian."], title: nil)
        #expect(result.paragraphs == ["Ofsted will pilot the scheme next year."])
        #expect(result.source == Post.Source(name: "The Guardian"))
    }

    @Test func multiWordPublicationWithLowerCaseJoiner() {
        let result = BoilerplateFilter.default.clean(
            ["Secondments will last a year, the Department for Education reported."], title: nil)
        #expect(result.paragraphs == ["Secondments will last a year."])
        #expect(result.source == Post.Source(name: "The Department for Education"))
    }

    @Test func accordingToIsKeptAndIsNoSource() {
        let paragraph = "According to The Times, the pilot will take 40 leaders."
        let result = BoilerplateFilter.default.clean([paragraph], title: nil)
        #expect(result == .init(paragraphs: [paragraph]))
    }

    @Test func saidIsNotAnAttribution() {
        let paragraph = "“It really is an exciting time,” Mrs Spielman said."
        #expect(BoilerplateFilter.default.clean([paragraph], title: nil) == .init(paragraphs: [paragraph]))
    }

    @Test func viaLineBecomesTheSource() {
        let result = BoilerplateFilter.default.clean([lead, "Via Schools Week"], title: nil)
        #expect(result == .init(paragraphs: [lead], source: Post.Source(name: "Schools Week")))
    }

    @Test func viaInASentenceIsKept() {
        let paragraph = "Via the new programme, leaders will gain insight into inspection."
        #expect(BoilerplateFilter.default.clean([paragraph], title: nil) == .init(paragraphs: [paragraph]))
    }

    @Test func attributionLinkGivesTheSourceItsURL() throws {
        let url = try #require(URL(string: "https://www.telegraph.co.uk/"))
        let result = BoilerplateFilter.default.clean(
            [lead, "The Telegraph reports."], title: nil, links: ["The Telegraph": url])
        #expect(result.source == Post.Source(name: "The Telegraph", url: url))
    }

    // MARK: Read more

    @Test func readMoreOfThePostTitleIsRemovedAndItsLinkIsTheSourceURL() throws {
        let title = "School leaders will have the chance to work for Ofsted for a year"
        let url = try #require(URL(string: "https://www.telegraph.co.uk/education/ofsted/"))
        let result = BoilerplateFilter.default.clean(
            [lead + " The Telegraph reports.", "Read more\u{A0}" + title], title: title, links: [title: url])
        #expect(result == .init(paragraphs: [lead], source: Post.Source(name: "The Telegraph", url: url)))
    }

    @Test func readMoreOfAnotherTitleNamesTheSourceArticle() throws {
        let url = try #require(URL(string: "https://schoolsweek.example/secondments"))
        let result = BoilerplateFilter.default.clean(
            [lead, "Read more: Ofsted unveils secondment pilot"], title: "Heads to join Ofsted",
            links: ["Ofsted unveils secondment pilot": url])
        #expect(
            result == .init(paragraphs: [lead], source: Post.Source(name: "Ofsted unveils secondment pilot", url: url)))
    }

    @Test func readMoreWithOnlyALinkNamesTheHost() throws {
        let url = try #require(URL(string: "https://www.schoolsweek.example/story"))
        let result = BoilerplateFilter.default.clean(
            [lead, "Read more Heads to join Ofsted"], title: "Heads to join Ofsted",
            links: ["Heads to join Ofsted": url])
        #expect(result.source == Post.Source(name: "schoolsweek.example", url: url))
    }

    @Test func readMoreAboutIsKept() {
        let paragraph = "Read more about the secondment programme in our guide below."
        #expect(BoilerplateFilter.default.clean([paragraph], title: nil).paragraphs == [paragraph])
    }

    // MARK: Sign-off and tags

    @Test func signOffNamesTheAuthorAndViaTwitterIsNoSource() {
        let result = BoilerplateFilter.default.clean(
            [lead, "Please tell us your thoughts in comments or via Twitter ~ Tamsin"], title: nil)
        #expect(result == .init(paragraphs: [lead], author: "Tamsin"))
    }

    @Test func tildeInsideASentenceIsNoSignOff() {
        let paragraph = "Pupils scored ~ 80 per cent in the check, Ofsted found."
        #expect(BoilerplateFilter.default.clean([paragraph], title: nil) == .init(paragraphs: [paragraph]))
    }

    @Test func categoriesLineSplitsOnCommasAndAFinalAnd() {
        let result = BoilerplateFilter.default.clean(
            [lead, "Categories: 1st POST, Leadership, Ofsted, Primary, Secondary and Teaching."], title: nil)
        #expect(result.paragraphs == [lead])
        #expect(result.tags == ["1st POST", "Leadership", "Ofsted", "Primary", "Secondary", "Teaching"])
    }

    @Test func tagsLineWithAmpersand() {
        let result = BoilerplateFilter.default.clean([lead, "Tags: Ofsted, Leadership & Management"], title: nil)
        #expect(result.tags == ["Ofsted", "Leadership", "Management"])
    }

    @Test func sentenceMentioningCategoriesIsKept() {
        let paragraph = "Categories of school taking part include academies and free schools."
        #expect(BoilerplateFilter.default.clean([paragraph], title: nil).paragraphs == [paragraph])
    }

    // MARK: Cutting the rest

    @Test func relatedPostsCutTheRestButTheirCategoriesCount() {
        let result = BoilerplateFilter.default.clean(
            [
                lead, "More recent posts...", "League tables 'stigmatise schools'",
                "Categories: Ofsted and Leadership.",
                "A comment that ends, The Telegraph reports.",
            ],
            title: nil)
        #expect(result == .init(paragraphs: [lead], tags: ["Ofsted", "Leadership"]))
    }

    @Test func commentSectionCutsTheRest() {
        let result = BoilerplateFilter.default.clean(
            [lead, "Comments (2)", "S Dearnaley", "Why only middle leaders?"], title: nil)
        #expect(result.paragraphs == [lead])
    }

    @Test func repeatedTitleIsDropped() {
        let result = BoilerplateFilter.default.clean(["Heads to join  Ofsted", lead], title: "Heads to join Ofsted")
        #expect(result.paragraphs == [lead])
    }

    @Test func whitespaceIsCollapsedAndEmptyParagraphsDropped() {
        let result = BoilerplateFilter.default.clean(["  School\u{A0}leaders \n can join. ", " \t "], title: nil)
        #expect(result.paragraphs == ["School leaders can join."])
    }

    // MARK: Configuration

    @Test func noneReturnsTheBodyUnchanged() {
        let body = ["  Follow us on Twitter ", "The Telegraph reports."]
        #expect(BoilerplateFilter.none.clean(body, title: nil) == .init(paragraphs: body))
    }

    @Test func addedRulesApplyAfterTheDefaults() throws {
        let podcast = BoilerplateRule.phrase("Listen to our podcast")
        let donate = try BoilerplateRule(name: "donate", kind: .plug, regex: #"^support (?:us|our journalism)\b"#)
        let filter = BoilerplateFilter.default.adding([podcast, donate])
        #expect(filter.rules.count == BoilerplateRule.defaults.count + 2)
        let result = filter.clean(
            [lead, "Listen to our podcast on Spotify", "Support our journalism today"], title: nil)
        #expect(result.paragraphs == [lead])
        #expect(
            BoilerplateFilter.default.clean([lead, "Listen to our podcast on Spotify"], title: nil).paragraphs.count
                == 2)
    }

    @Test func replacedKindUsesOnlyTheNewRules() throws {
        let mine = try BoilerplateRule(
            name: "from-line", kind: .source, regex: #"^From (?<source>.+)$"#, caseInsensitive: false)
        let filter = BoilerplateFilter.default.replacing(kind: .source, with: [mine])
        #expect(filter.rules.filter { $0.kind == .source }.map(\.name) == ["from-line"])
        #expect(filter.rules.firstIndex { $0.name == "from-line" } == 4)
        let result = filter.clean([lead, "The Telegraph reports.", "From Schools Week"], title: nil)
        #expect(
            result == .init(paragraphs: [lead, "The Telegraph reports."], source: Post.Source(name: "Schools Week")))
    }

    @Test func removedRulesNoLongerApply() {
        let byName = BoilerplateFilter.default.removing(named: ["social-plug"])
        #expect(byName.clean([lead, "Follow us on Twitter"], title: nil).paragraphs == [lead, "Follow us on Twitter"])
        let byKind = BoilerplateFilter.default.removing(kind: .cookies)
        #expect(byKind.clean([lead, "We use cookies."], title: nil).paragraphs == [lead, "We use cookies."])
    }

    @Test func userRestRuleCutsTheRest() {
        let filter = BoilerplateFilter(rules: [.phrase("Sponsored", kind: .plug, scope: .paragraphAndRest)])
        #expect(filter.clean([lead, "Sponsored", "Buy a laptop"], title: nil).paragraphs == [lead])
    }

    @Test func longAdversarialParagraphIsCleaned() {
        let long = String(repeating: "The Big Word reports, The Telegraph of London says ~ ", count: 4_000)
        let result = BoilerplateFilter.default.clean([long, long + "The Telegraph reports."], title: long)
        // "The Telegraph reports." follows "~ ", not a sentence end, so it is no attribution here;
        // the paragraph that repeats the title is dropped.
        #expect(result == .init(paragraphs: [Whitespace.collapse(long + "The Telegraph reports.")]))
    }
}
