import Foundation

/// A JSON value built from the Foundation objects the emulators answer with, written by
/// `JSONEncoder` (keys sorted) rather than `JSONSerialization`, whose sorted-keys writing compares
/// keys through ICU and costs ≈ 15 times as much per response.
///
/// Only plain Swift values convert (`String`, `Int`, `Double`, `Bool`, `NSNull`, arrays and
/// string-keyed dictionaries of them); for anything else (an `NSNumber` echoed from a parsed
/// request, say) ``init(_:)`` fails and the caller writes the object with `JSONSerialization`.
enum LoopbackJSONValue: Encodable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([LoopbackJSONValue])
    case object([String: LoopbackJSONValue])

    /// The value of a Foundation JSON object, or nil when it holds a type this enum leaves to
    /// `JSONSerialization`.
    init?(_ object: Any) {
        // Exact dynamic types: an Int must not pass as a Bool, nor an NSNumber as either.
        let type = Swift.type(of: object)
        if type == String.self, let text = object as? String {
            self = .string(text)
        } else if type == Int.self, let number = object as? Int {
            self = .int(number)
        } else if type == Double.self, let number = object as? Double {
            self = .double(number)
        } else if type == Bool.self, let flag = object as? Bool {
            self = .bool(flag)
        } else if object is NSNull {
            self = .null
        } else if let dictionary = object as? [String: Any] {
            var members: [String: LoopbackJSONValue] = [:]
            for (key, member) in dictionary {
                guard let value = LoopbackJSONValue(member) else { return nil }
                members[key] = value
            }
            self = .object(members)
        } else if let array = object as? [Any] {
            var elements: [LoopbackJSONValue] = []
            for element in array {
                guard let value = LoopbackJSONValue(element) else { return nil }
                elements.append(value)
            }
            self = .array(elements)
        } else {
            return nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }

    /// `object` as JSON bytes with sorted keys and unescaped slashes.
    static func data(_ object: Any) -> Data {
        if let value = LoopbackJSONValue(object) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(value) { return data }
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
