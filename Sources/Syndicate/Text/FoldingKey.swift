import Foundation

/// The key under which two texts compare equal when they differ only in case and diacritics
/// (`Ofsted` and `OFSTED`, `Café` and `cafe`): what `folding(options: [.caseInsensitive,
/// .diacriticInsensitive], locale: nil)` gives.
enum FoldingKey {
    /// The folded key of `text`. ASCII, which has no diacritics and folds to lower case, skips
    /// Foundation's folding (which bridges to `NSString` and costs thousands of instructions a call).
    static func of(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
