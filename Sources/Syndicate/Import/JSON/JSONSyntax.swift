import Foundation

/// Finds the first syntax error in a JSON text and where it is, which `JSONDecoder` on Linux
/// does not say ("The given data was not valid JSON.").
///
/// One pass over the UTF-8 bytes with an explicit stack (no recursion), so deep nesting costs
/// memory in proportion to the depth and nothing more; nesting beyond `maxDepth` is an error.
enum JSONSyntax {
    /// A syntax error: where and what.
    struct Failure: Equatable {
        /// `line 3, column 14` (both 1-based; columns count characters).
        var location: String
        /// What was found and what was expected.
        var message: String
    }

    private enum Expect { case value, valueOrEnd, key, keyOrEnd, colon, commaOrEnd }

    /// The first syntax error in `text`, or nil when it is one valid JSON value.
    static func firstError(in text: String, maxDepth: Int = 512) -> Failure? {
        scan(Array(text.utf8), maxDepth: maxDepth).failure
    }

    /// Checks `bytes` and records the byte offset at which each element of a top-level array starts.
    static func scan(_ bytes: [UInt8], maxDepth: Int = 512) -> (failure: Failure?, elementOffsets: [Int]) {
        var elementOffsets: [Int] = []
        var stack: [UInt8] = []  // "[" or "{"
        var expect = Expect.value
        var index = 0
        var finished = false
        func failure(_ offset: Int, _ message: String) -> Failure {
            Failure(location: location(ofByte: offset, in: bytes), message: message)
        }
        func found(_ offset: Int) -> String {
            guard offset < bytes.count else { return "the end of the input" }
            let scalar = String(decoding: bytes[offset..<min(bytes.count, offset + 4)], as: UTF8.self).prefix(1)
            return "'\(scalar)'"
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
                continue
            }
            if finished {
                return (failure(index, "found \(found(index)) after the end of the JSON value"), elementOffsets)
            }
            switch expect {
            case .colon:
                guard byte == UInt8(ascii: ":") else {
                    return (failure(index, "expected ':' after the key, found \(found(index))"), elementOffsets)
                }
                expect = .value
                index += 1
            case .commaOrEnd:
                let close: UInt8 = stack.last == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if byte == UInt8(ascii: ",") {
                    expect = stack.last == UInt8(ascii: "{") ? .key : .value
                    index += 1
                } else if byte == close {
                    stack.removeLast()
                    index += 1
                    if stack.isEmpty { finished = true }
                } else {
                    return (
                        failure(index, "expected ',' or '\(Character(Unicode.Scalar(close)))', found \(found(index))"),
                        elementOffsets
                    )
                }
            case .key, .keyOrEnd:
                if expect == .keyOrEnd, byte == UInt8(ascii: "}") {
                    stack.removeLast()
                    index += 1
                    expect = .commaOrEnd
                    if stack.isEmpty { finished = true }
                    continue
                }
                guard byte == UInt8(ascii: "\"") else {
                    return (failure(index, "expected a key in double quotes, found \(found(index))"), elementOffsets)
                }
                guard let end = stringEnd(bytes, from: index) else {
                    return (
                        failure(index, "the string starting here is not closed or has an invalid escape"),
                        elementOffsets
                    )
                }
                index = end
                expect = .colon
            case .value, .valueOrEnd:
                if stack.count == 1, stack[0] == UInt8(ascii: "["), byte != UInt8(ascii: "]") || expect == .value {
                    elementOffsets.append(index)
                }
                if expect == .valueOrEnd, byte == UInt8(ascii: "]") {
                    stack.removeLast()
                    index += 1
                    expect = .commaOrEnd
                    if stack.isEmpty { finished = true }
                    continue
                }
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    guard stack.count < maxDepth else {
                        return (failure(index, "the nesting is deeper than \(maxDepth) levels"), elementOffsets)
                    }
                    stack.append(byte)
                    expect = byte == UInt8(ascii: "[") ? .valueOrEnd : .keyOrEnd
                    index += 1
                    continue
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(bytes, from: index) else {
                        return (
                            failure(index, "the string starting here is not closed or has an invalid escape"),
                            elementOffsets
                        )
                    }
                    index = end
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let end = numberEnd(bytes, from: index) else {
                        return (failure(index, "invalid number"), elementOffsets)
                    }
                    index = end
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word = byte == UInt8(ascii: "t") ? "true" : byte == UInt8(ascii: "f") ? "false" : "null"
                    guard bytes[index...].starts(with: word.utf8) else {
                        return (failure(index, "expected a value, found \(found(index))"), elementOffsets)
                    }
                    index += word.utf8.count
                default:
                    return (failure(index, "expected a value, found \(found(index))"), elementOffsets)
                }
                expect = .commaOrEnd
                if stack.isEmpty { finished = true }
            }
        }
        if !finished {
            let what =
                stack.last == UInt8(ascii: "{") ? "an object" : stack.last == UInt8(ascii: "[") ? "an array" : "a value"
            return (failure(bytes.count, "the input ends inside \(what)"), elementOffsets)
        }
        return (nil, elementOffsets)
    }

    /// The offset after the string that starts at `start` (a quote), or nil when it is unclosed,
    /// holds a raw control character, or has an invalid escape.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                let escaped = bytes[index + 1]
                if escaped == UInt8(ascii: "u") {
                    guard index + 5 < bytes.count, bytes[(index + 2)...(index + 5)].allSatisfy(isHexDigit) else {
                        return nil
                    }
                    index += 6
                } else if "\"\\/bfnrt".utf8.contains(escaped) {
                    index += 2
                } else {
                    return nil
                }
            case 0..<0x20: return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// The offset after the number that starts at `start`, or nil when it is malformed.
    private static func numberEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let begin = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - begin
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return nil }
        }
        return index
    }

    /// `line L, column C` of the byte at `offset` (columns count characters, not bytes).
    static func location(ofByte offset: Int, in bytes: [UInt8]) -> String {
        let prefix = bytes[..<min(offset, bytes.count)]
        var line = 1
        var lineStart = prefix.startIndex
        for (position, byte) in zip(prefix.indices, prefix) where byte == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }

    /// `line L` of the byte at `offset`.
    static func lineLocation(ofByte offset: Int, in bytes: [UInt8]) -> String {
        let line = bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return "line \(line)"
    }

    /// `line L, column C` of `index` in `text`.
    static func location(of index: String.Index, in text: String) -> String {
        location(ofByte: text.utf8.distance(from: text.startIndex, to: index), in: Array(text.utf8))
    }
}
