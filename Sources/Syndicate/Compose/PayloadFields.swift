import Foundation

/// The name and type of one network-specific field of a payload, such as Bluesky's `facets`.
///
/// A network's folder declares its fields and typed accessors on ``SharePayload``:
///
/// ```swift
/// extension PayloadField where Value == String {
///     static var parseMode: PayloadField { PayloadField("parseMode") }
/// }
/// extension SharePayload {
///     public var parseMode: String? {
///         get { fields[.parseMode] }
///         set { fields[.parseMode] = newValue }
///     }
/// }
/// ```
public struct PayloadField<Value: Sendable & Hashable & Encodable>: Sendable {
    /// The JSON key the field is encoded under.
    public let key: String

    /// Creates a field encoded under `key`.
    public init(_ key: String) {
        self.key = key
    }
}

/// The network-specific fields of a payload or thread part, by key; each is encoded under its
/// key beside the payload's common members, and left out when absent.
public struct PayloadFields: Sendable, Hashable {
    private var values: [String: Value] = [:]

    /// No fields.
    public init() {}

    /// The value of `field`, nil when absent; setting nil removes it.
    public subscript<Wrapped>(_ field: PayloadField<Wrapped>) -> Wrapped? {
        get { values[field.key]?.base as? Wrapped }
        set { values[field.key] = newValue.map(Value.init) }
    }

    /// Whether no field is set.
    public var isEmpty: Bool { values.isEmpty }

    /// The keys of the fields set, sorted.
    public var keys: [String] { values.keys.sorted() }

    /// These fields with every field of `other` set over them.
    mutating func merge(_ other: PayloadFields) {
        values.merge(other.values) { _, new in new }
    }

    /// Encodes every field under its key.
    func encode(into container: inout KeyedEncodingContainer<Key>) throws {
        for key in values.keys.sorted() {
            if let value = values[key] { try container.encode(value, forKey: Key(key)) }
        }
    }

    /// One field's value with the equality, hashing and encoding of its type.
    private struct Value: Sendable, Hashable, Encodable {
        let base: any Sendable & Hashable & Encodable
        private let equals: @Sendable (any Sendable & Hashable & Encodable) -> Bool

        init<Wrapped: Sendable & Hashable & Encodable>(_ value: Wrapped) {
            base = value
            equals = { ($0 as? Wrapped) == value }
        }

        static func == (lhs: Value, rhs: Value) -> Bool { lhs.equals(rhs.base) }

        func hash(into hasher: inout Hasher) { base.hash(into: &hasher) }

        /// Encodes through a single-value container, so that the encoder's own handling of the
        /// type applies (JSONEncoder writes a URL as its string).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base)
        }
    }

    /// A JSON key of a payload: a common member's or a field's.
    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ stringValue: String) { self.stringValue = stringValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }

        static let network = Key("network"), text = Key("text"), length = Key("length"), limit = Key("limit")
        static let link = Key("link"), hashtags = Key("hashtags"), images = Key("images"), warnings = Key("warnings")
        static let parts = Key("parts"), index = Key("index")
    }
}
