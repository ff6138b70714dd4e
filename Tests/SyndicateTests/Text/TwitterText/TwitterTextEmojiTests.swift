import Foundation
import Testing

@testable import Syndicate

/// The emoji check's shortcuts agree with Unicode's `Emoji` property.
@Suite struct TwitterTextEmojiTests {
    @Test func isEmojiAgreesWithTheEmojiPropertyForEveryCodePoint() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            let expected = Unicode.Scalar(value)?.properties.isEmoji ?? false
            if TwitterText.isEmoji(value) != expected { disagreements.append(value) }
        }
        #expect(disagreements == [])
    }

    @Test func emojiAndNonEmojiWeighAsTwitterText() {
        #expect(TwitterText.parse("学校 ©️ © 〰 ✅ 👨‍👩‍👧‍👧").weightedLength == 18)
    }
}
