import Foundation
import Syndicate

extension CountCommand {
    /// Measures each line of the input (a JSON string per line) and hands the JSON object lines
    /// to `write` in chunks of about 64 KiB, in input order.
    ///
    /// The input is read in chunks from `read` (nil or empty at its end), so a batch of any
    /// size runs in memory proportional to its longest line. Lines are split at `\n` (a `\r`
    /// before it is dropped); a final line ending does not start another line. A line that is
    /// not one JSON string yields `{"line":N,"error":"…"}`.
    ///
    /// - Returns: How many lines were not JSON strings.
    static func countLines(read: () -> Data?, rule: NetworkRule, write: (Data) -> Void) -> Int {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16 + 4096)
        var failures = 0
        var lineNumber = 0
        var pending: [UInt8] = []

        func process(_ line: ArraySlice<UInt8>) {
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            lineNumber += 1
            do {
                let text = try JSONStringLine.decode(line)
                output.append(contentsOf: jsonObject(rule.measure(text)).utf8)
            } catch {
                failures += 1
                output.append(contentsOf: #"{"line":\#(lineNumber),"error":"#.utf8)
                output.append(contentsOf: JSONStringLine.literal(error.description).utf8)
                output.append(UInt8(ascii: "}"))
            }
            output.append(0x0A)
            if output.count >= 1 << 16 {
                write(Data(output))
                output.removeAll(keepingCapacity: true)
            }
        }

        while let chunk = read(), !chunk.isEmpty {
            // Only the new bytes are searched, so a line spread over many chunks stays linear.
            var searchFrom = pending.count
            pending.append(contentsOf: chunk)
            var lineStart = 0
            while let newline = pending[searchFrom...].firstIndex(of: 0x0A) {
                process(pending[lineStart..<newline])
                lineStart = newline + 1
                searchFrom = lineStart
            }
            pending.removeFirst(lineStart)
        }
        if !pending.isEmpty { process(pending[...]) }
        if !output.isEmpty { write(Data(output)) }
        return failures
    }
}

/// One line of JSON holding exactly one string, strictly read (RFC 8259): escapes checked,
/// surrogate escapes paired, raw control characters and invalid UTF-8 refused.
enum JSONStringLine {
    /// Why a line is not a JSON string; the description says where and what to do.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The string `line` holds.
    ///
    /// - Throws: ``Failure`` naming the byte column and the problem.
    static func decode(_ line: ArraySlice<UInt8>) throws(Failure) -> String {
        var index = line.startIndex
        func column(_ at: Int) -> Int { at - line.startIndex + 1 }
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        guard index < line.endIndex else {
            throw Failure(description: "empty line; each line must be one JSON string such as \"Hello\".")
        }
        guard line[index] == UInt8(ascii: "\"") else {
            throw Failure(description: "not a JSON string at column \(column(index)); each line must be one JSON string such as \"Hello\".")
        }
        index += 1
        var decoded: [UInt8] = []
        decoded.reserveCapacity(line.count)
        var closed = false
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                closed = true
                index += 1
                break
            }
            if byte < 0x20 {
                throw Failure(description: "raw control character at column \(column(index)); escape it (\\n, \\t, \\u0001).")
            }
            guard byte == UInt8(ascii: "\\") else {
                // Copy the run up to the next quote, backslash or control character at once.
                var runEnd = index + 1
                while runEnd < line.endIndex {
                    let next = line[runEnd]
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next < 0x20 { break }
                    runEnd += 1
                }
                decoded.append(contentsOf: line[index..<runEnd])
                index = runEnd
                continue
            }
            guard index + 1 < line.endIndex else { break }
            let escape = line[index + 1]
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(line, at: index + 2) else {
                    throw Failure(description: "bad \\u escape at column \(column(index)); write four hex digits, as in \\u00e9.")
                }
                var value = UInt32(unit)
                var length = 6
                if (0xD800...0xDBFF).contains(unit) {
                    guard index + 7 < line.endIndex, line[index + 6] == UInt8(ascii: "\\"), line[index + 7] == UInt8(ascii: "u"),
                        let low = hexUnit(line, at: index + 8), (0xDC00...0xDFFF).contains(low)
                    else {
                        throw Failure(description: "lone surrogate \\u\(hex(unit)) at column \(column(index)); a high surrogate must be followed by a low one (\\ud83d\\ude00), or write the character itself.")
                    }
                    value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    length = 12
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Failure(description: "lone surrogate \\u\(hex(unit)) at column \(column(index)); a low surrogate must follow a high one (\\ud83d\\ude00), or write the character itself.")
                }
                guard let scalar = Unicode.Scalar(value) else {
                    throw Failure(description: "bad \\u escape at column \(column(index)); write four hex digits, as in \\u00e9.")
                }
                decoded.append(contentsOf: String(scalar).utf8)
                index += length
                continue
            default:
                throw Failure(description: "unknown escape \\\(Character(Unicode.Scalar(escape))) at column \(column(index)); JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.")
            }
            index += 2
        }
        guard closed else {
            throw Failure(description: "unterminated JSON string; end the line with a closing quote.")
        }
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        guard index == line.endIndex else {
            throw Failure(description: "unexpected text after the string at column \(column(index)); put one JSON string per line.")
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw Failure(description: "the string is not valid UTF-8; re-encode the input as UTF-8.")
        }
        return text
    }

    /// `text` as a JSON string literal, for error messages.
    static func literal(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(text) else { return #""unreadable line""# }
        return String(decoding: data, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    private static func hexUnit(_ line: ArraySlice<UInt8>, at start: Int) -> UInt16? {
        guard start + 4 <= line.endIndex else { return nil }
        var value: UInt16 = 0
        for byte in line[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
