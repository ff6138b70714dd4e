/// Writes dictionary tokens in libFuzzer's `-dict` syntax.
enum LibFuzzerDictionary {
    /// `token` with quotes, backslashes and non-printable or non-ASCII bytes as `\xNN`.
    static func escape(_ token: String) -> String {
        var result = ""
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): result += "\\\(Character(Unicode.Scalar(byte)))"
            case 0x20..<0x7F: result.append(Character(Unicode.Scalar(byte)))
            default: result += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
