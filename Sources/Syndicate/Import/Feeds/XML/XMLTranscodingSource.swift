import Foundation

/// A feed's bytes in another charset, converted to UTF-8 chunk by chunk as they are read, so
/// that the tokenizer only ever sees UTF-8 and a non-UTF-8 feed still streams.
final class XMLTranscodingSource {
    private var inner: XMLByteSource
    private let converter: CharsetConverter
    private var pending: [UInt8]
    private var finished = false

    /// Converts what `inner` yields, starting with `first` (the chunk already read, without its
    /// byte-order mark).
    init(inner: XMLByteSource, converter: CharsetConverter, first: [UInt8]) {
        self.inner = inner
        self.converter = converter
        self.pending = first
    }

    /// Replaces `buffer` with the next converted chunk; false at the end of the input.
    func read(into buffer: inout [UInt8]) throws(XMLByteSource.ReadFailure) -> Bool {
        while !finished {
            var raw = pending
            pending = []
            let more: Bool
            if raw.isEmpty {
                more = try inner.read(into: &raw)
            } else {
                more = true
            }
            buffer.removeAll(keepingCapacity: true)
            do {
                try converter.convert(more ? raw : [], final: !more, into: &buffer)
            } catch {
                throw XMLByteSource.ReadFailure(reason: Self.describe(error, label: converter.label), conversion: true)
            }
            if !more { finished = true }
            if !buffer.isEmpty { return true }
        }
        return false
    }

    /// `byte 1234 (0x8F) is not valid in euc-kr`.
    static func describe(_ failure: CharsetConverter.Failure, label: String) -> String {
        switch failure {
        case .undecodable(let offset, let byte):
            "byte \(offset) (\(String(format: "0x%02X", byte))) is not valid \(label) text; the file is not in the charset it declares — fix the declaration or convert the file to UTF-8"
        case .incomplete(let offset):
            "the input ends inside a \(label) character that starts at byte \(offset); the file is truncated or not in the charset it declares"
        }
    }
}
