import Foundation

extension PayloadField where Value == String {
    /// Facebook: the Page post's `message`.
    static var facebookMessage: PayloadField { PayloadField("message") }
}

extension SharePayload {
    /// Facebook: the Page post's `message` (the link goes in ``link``).
    public var message: String? {
        get { fields[.facebookMessage] }
        set { fields[.facebookMessage] = newValue }
    }
}
