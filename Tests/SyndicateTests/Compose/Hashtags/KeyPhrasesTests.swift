import Testing

@testable import Syndicate

@Suite struct KeyPhrasesTests {
    @Test func repeatedNamesAndAcronymsByFrequencyThenFirstAppearance() {
        let post = Post(
            id: "1", title: "Secondments announced",
            summary: "Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference.",
            paragraphs: [
                "Middle leaders in schools will be able to spend a year on secondment to Ofsted, under a scheme Amanda Spielman unveiled at the ASCL annual conference. The Telegraph reports.",
                "Speaking in Birmingham on Saturday, the Chief Inspector said the inspectorate wants to learn.",
                "A pilot begins early next year, and Ofsted hopes to open the programme to more leaders from the following January.",
                "Ofsted says it sees the secondments as a step for leaders.",
            ])
        #expect(KeyPhrases.phrases(in: post) == ["Ofsted", "Amanda Spielman", "ASCL"])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["Ofsted", "AmandaSpielman", "ASCL"])
    }

    @Test func sentenceInitialCommonWordsAreNotProposed() {
        let post = Post(
            id: "1", title: "Notes",
            paragraphs: ["Parents are welcome. Parents can book online. Children should bring a coat. Children will eat lunch."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test func wordSeenInLowerCaseIsNotAProperNoun() {
        let post = Post(
            id: "1", title: "Notes",
            paragraphs: ["We met the Governors today. The Governors agreed. Two governors were absent."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test func daysMonthsAndHonorificsAreNeverProposed() {
        let post = Post(
            id: "1", title: "Notes",
            paragraphs: ["We meet on Monday with Mrs Patel. On Monday in March Mrs Patel speaks. See you in March."])
        #expect(KeyPhrases.phrases(in: post) == ["Patel"])
    }

    @Test func urlsMentionsAndHashtagsAreSkipped() {
        let post = Post(
            id: "1", title: "Notes",
            paragraphs: ["Read https://Example.com/Ofsted and https://Example.com/Ofsted or mail Head@School.example twice Head@School.example #Ofsted #Ofsted."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test func singleOccurrencesAreNotProposed() {
        let post = Post(id: "1", title: "Notes", paragraphs: ["We visited Birmingham and met the DfE."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test func textWithoutLetterCaseGivesNothing() {
        let post = Post(id: "1", title: "学校", paragraphs: ["学校の先生。学校の先生。"])
        #expect(KeyPhrases.phrases(in: post) == [])
    }
}
