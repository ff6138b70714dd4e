import Foundation

/// Turns raw input bytes into text, or says precisely why they are not text.
///
/// The charset is decided by `CharsetSniffing.document(_:server:format:)`: a byte-order mark,
/// then ``ImportContext/declaredCharset`` (the server's), then an HTML page's `<meta charset>` or
/// `http-equiv` Content-Type (or an XML declaration) — unless the bytes are UTF-8 with non-ASCII
/// text, which wins over a declaration inside the document — else UTF-8; other charsets are converted
/// through the system's `iconv` (`CharsetConverter`). Rejects empty input, input over the size
/// limit, a byte that does not decode (`.notText`, located at its offset), an unknown charset
/// (`.unknownCharset`) and binary data (NUL bytes or a high share of control characters), each
/// with an ``ImportError`` naming the input.
public enum InputText {
    /// Decodes `data` as the text of a document in `format`.
    ///
    /// - Parameters:
    ///   - data: The raw bytes.
    ///   - format: The format being imported, named in errors.
    ///   - context: The input's name and limits.
    ///   - maxBytes: The size limit to apply; defaults to `context.limits.maxDocumentBytes`.
    /// - Throws: ``ImportError`` of kind `.empty`, `.tooLarge`, `.notText` or `.unknownCharset`.
    public static func decode(
        _ data: Data,
        format: ImportFormat?,
        context: ImportContext,
        maxBytes: Int? = nil
    ) throws(ImportError) -> String {
        let limit = maxBytes ?? context.limits.maxDocumentBytes
        guard data.count <= limit else {
            throw ImportError(
                .tooLarge, input: context.inputName, format: format,
                message:
                    "the input is \(byteCount(data.count)), over the \(byteCount(limit)) limit; raise ImportLimits.maxDocumentBytes if it is genuine."
            )
        }
        let text = try convert(data, format: format, context: context)
        guard !text.allSatisfy({ $0.isWhitespace }) else {
            throw ImportError(
                .empty, input: context.inputName, format: format,
                message: "the input is empty; give a file with a post in it.")
        }
        if looksBinary(text) {
            throw notText(context, format, "the input looks like binary data, not a document")
        }
        return text
    }

    /// The text of `data` in the charset `CharsetSniffing.document(_:server:format:)` decides.
    private static func convert(_ data: Data, format: ImportFormat?, context: ImportContext) throws(ImportError) -> String {
        var decision = CharsetSniffing.document(Array(data.prefix(1024))[...], server: context.declaredCharset, format: format)
        let body = data.dropFirst(decision.skip)
        if decision.origin == .declaration, decision.label != nil, body.contains(where: { $0 >= 0x80 }),
            firstInvalidUTF8Offset(body) == nil
        {
            // Declared legacy but UTF-8 throughout: a file re-encoded without its <meta> updated.
            decision.label = nil
        }
        guard let label = decision.label else {
            if let offset = firstInvalidUTF8Offset(body) {
                throw notText(
                    context, format,
                    "byte \(offset - data.startIndex) is not valid UTF-8; convert the file to UTF-8 (for example with iconv)")
            }
            return String(decoding: body, as: UTF8.self)
        }
        guard let converter = CharsetConverter(label: label, baseOffset: decision.skip) else {
            throw ImportError(
                .unknownCharset, input: context.inputName, format: format,
                message: "the input's charset \"\(label)\" is not one this system can convert; correct the name or convert the file to UTF-8.")
        }
        var output: [UInt8] = []
        output.reserveCapacity(body.count + body.count / 2)
        do {
            try converter.convert(Array(body), final: true, into: &output)
        } catch {
            let offset: Int
            switch error {
            case .undecodable(let at, _), .incomplete(let at): offset = at
            }
            throw ImportError(
                .notText, input: context.inputName, format: format, location: "byte \(offset)",
                message: XMLTranscodingSource.describe(error, label: label) + ".")
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func notText(_ context: ImportContext, _ format: ImportFormat?, _ reason: String) -> ImportError {
        ImportError(.notText, input: context.inputName, format: format, message: reason + ".")
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var consumed = bytes.startIndex
        // Track offsets by re-encoding each decoded scalar's length.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// NUL bytes, or more than 1 % C0 control characters other than tab and newlines, mean binary.
    static func looksBinary(_ text: String) -> Bool {
        var controls = 0
        var total = 0
        for byte in text.utf8.prefix(65_536) {
            total += 1
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        return total > 0 && controls * 100 > total
    }

    /// `512 bytes`, `1.5 KiB`, `10 MiB`: binary units, one decimal where it is not whole.
    static func byteCount(_ bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(name)" : "\(rounded) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
