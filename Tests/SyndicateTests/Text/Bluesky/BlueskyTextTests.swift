import Syndicate
import Testing

@Suite struct BlueskyTextTests {
    @Test func zwjFamilyIsOneGraphemeOfTwentyFiveBytes() {
        let family = "👨‍👩‍👧‍👧"
        #expect(BlueskyText.graphemeLength(family) == 1)
        #expect(BlueskyText.byteLength(family) == 25)
    }

    @Test func limitsAreTheLexiconsOwn() {
        #expect(BlueskyText.maxGraphemes == 300)
        #expect(BlueskyText.maxBytes == 3000)
    }
}
