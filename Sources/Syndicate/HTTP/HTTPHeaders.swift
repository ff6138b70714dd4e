import Foundation

/// HTTP header fields in the order they were added, with case-insensitive lookup.
///
/// ```swift
/// var headers: HTTPHeaders = ["Content-Type": "application/json"]
/// headers["authorization"] = "Bearer …"
/// headers["Content-Type"]   // "application/json"
/// ```
public struct HTTPHeaders: Sendable, Equatable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public struct Field: Sendable, Equatable, Hashable {
        /// The name as written (lookups ignore case).
        public var name: String
        /// The value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates headers from fields, kept in the order given.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Creates headers from a literal, in the order written.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value of `name` (ignoring case); setting replaces every field of that name, and
    /// nil removes them.
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            if let index = fields.firstIndex(where: { Self.sameName($0.name, name) }) {
                fields.removeAll { Self.sameName($0.name, name) }
                if let newValue { fields.insert(Field(name: name, value: newValue), at: index) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Whether two field names are the same, ignoring the case of ASCII letters (names are
    /// RFC 9110 tokens, which are ASCII; other bytes must match exactly).
    static func sameName(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                guard a.count == b.count else { return false }
                for index in a.indices {
                    let x = a[index]
                    let y = b[index]
                    if x == y { continue }
                    // Equal up to case only when both are the same ASCII letter.
                    guard x ^ y == 0x20, (x | 0x20) &- 0x61 < 26 else { return false }
                }
                return true
            }
        }
    }

    /// Adds a field after the others, keeping any of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}
