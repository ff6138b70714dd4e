import Foundation

extension PayloadField where Value == String {
    /// Telegram: the `parse_mode` of the text (`parseMode`).
    static var telegramParseMode: PayloadField { PayloadField("parseMode") }
}

extension SharePayload {
    /// Telegram: the `parse_mode` ``text`` is written in (`HTML`).
    public var parseMode: String? {
        get { fields[.telegramParseMode] }
        set { fields[.telegramParseMode] = newValue }
    }
}
