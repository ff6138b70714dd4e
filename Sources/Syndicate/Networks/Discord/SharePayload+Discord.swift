import Foundation

extension PayloadField where Value == SharePayload.AllowedMentions {
    /// Discord: `allowed_mentions`.
    static var discordAllowedMentions: PayloadField { PayloadField("allowedMentions") }
}

extension SharePayload {
    /// Discord: `allowed_mentions`, set so that article text cannot ping anyone.
    public var allowedMentions: AllowedMentions? {
        get { fields[.discordAllowedMentions] }
        set { fields[.discordAllowedMentions] = newValue }
    }

    /// Discord's `allowed_mentions`: which mentions in the content may notify anyone.
    public struct AllowedMentions: Sendable, Equatable, Hashable, Encodable {
        /// The mention kinds parsed (`users`, `roles`, `everyone`); empty parses none.
        public var parse: [String]

        /// Creates the value; the default parses no mentions.
        public init(parse: [String] = []) {
            self.parse = parse
        }
    }
}
