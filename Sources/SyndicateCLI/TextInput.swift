import Foundation

/// The text a text command works on: its argument, or else standard input.
enum TextInput {
    /// Why standard input cannot be used as text.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `argument` when given; otherwise all of standard input, decoded as UTF-8, without the
    /// one line ending (`\n` or `\r\n`) that `echo` and editors add.
    ///
    /// - Throws: ``Failure`` when standard input is not valid UTF-8 or over ``StandardInput/limit``.
    static func text(_ argument: String?) throws(Failure) -> String {
        if let argument { return argument }
        guard let data = StandardInput.read() else {
            throw Failure(description: "standard input is over \(StandardInput.limit >> 20) MiB; no network accepts a text that long.")
        }
        var bytes = [UInt8](data)
        if bytes.last == 0x0A {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: "standard input is not valid UTF-8 text; convert it (iconv -t UTF-8) or pass the text as an argument.")
        }
        return text
    }
}
