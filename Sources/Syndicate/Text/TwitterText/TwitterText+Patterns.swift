import Foundation

/// twitter-text's regular expressions (js/src/regexp/*.js), rewritten for ICU (`NSRegularExpression`).
///
/// The domain part of the URL regex is matched by hand (``TwitterText/URLScanner``); the rest is
/// here. Differences from the JavaScript, all deliberate: `$` is written `\z` (ICU's `$` also
/// matches before a final newline); the URL path repetition is possessive (it is followed only by
/// optional parts, so the match is the same, without the backtracking blow-up).
enum TwitterTextPatterns {
    static let latinAccents =
        "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256\\u0257\\u0259\\u025b"
        + "\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff"
    static let cyrillic = "\\u0400-\\u04ff"
    static let spaces =
        "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
    static let invalidChars = "\\ufffe\\ufeff\\uffff"
    /// twitter-text's `punct` (note: no `"` and no backtick), without `_` and `-`, which are added per use.
    static let punctWithoutDashes = "!'#%&\\(\\)*\\+,\\\\\\./:;<=>\\?@\\[\\]\\^\\{\\|\\}~\\$"
    static let punct = punctWithoutDashes + "_\\-"

    // Hashtags, mentions, cashtags.
    static let hashtagSpecialChars =
        "_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7"
    static let hashtagAlpha = "[\\p{L}\\p{M}]"
    static let hashtagAlphaNumeric = "[\\p{L}\\p{M}\\p{Nd}" + hashtagSpecialChars + "]"
    /// Groups: 1 boundary, 2 hash sign, 3 tag.
    static let hashtag =
        "(^|\\ufe0e|\\ufe0f|(?!" + hashtagAlphaNumeric + "|&)(?s:.))([#\\uff03])(?!\\ufe0f|\\u20e3)("
        + hashtagAlphaNumeric + "*" + hashtagAlpha + hashtagAlphaNumeric + "*)"

    /// Groups: 1 preceding, 2 at sign, 3 screen name, 4 list slug with its `/`.
    static let mentionOrList =
        "(^|[^a-zA-Z0-9_!#$%&*@\\uff20]|(?:^|[^a-zA-Z0-9_+~.\\-])(?:rt|RT|rT|Rt):?)([@\\uff20])"
        + "([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\\-]{0,24})?"

    /// Groups: 1 preceding, 2 dollar, 3 symbol.
    static let cashtag = "(^|[" + spaces + "])(\\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=\\z|\\s|[" + punct + "])"

    /// Compiles a pattern; nil only if a pattern above is broken, which the tests would show.
    static func compile(_ pattern: String, caseInsensitive: Bool = true) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    // NSRegularExpression is Sendable: immutable and safe to use from several threads.
    static let hashtagRegex = compile(hashtag)
    static let mentionRegex = compile(mentionOrList, caseInsensitive: false)
    static let cashtagRegex = compile(cashtag)
}

extension NSRegularExpression {
    /// Whether the pattern matches somewhere in `string` (anchors in the pattern decide where).
    func matches(in string: String) -> Bool {
        firstMatch(in: string, options: [], range: NSRange(location: 0, length: string.utf16.count)) != nil
    }

    /// Every match in `string`, found in one pass.
    func allMatches(in string: String) -> [NSTextCheckingResult] {
        matches(in: string, options: [], range: NSRange(location: 0, length: string.utf16.count))
    }
}
