import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts text in a named charset to UTF-8 through the system's `iconv`, in one call or
/// chunk by chunk (a multi-byte character split between chunks is carried over).
///
/// Charset labels are read as the WHATWG Encoding Standard reads them where it matters:
/// `iso-8859-1`, `latin1` and `us-ascii` mean windows-1252 (bytes 0x80–0x9F are curly quotes,
/// dashes and €, as every browser and feed reader takes them); `gb2312` and `gbk` mean GB 18030;
/// `shift_jis` means Windows-31J (CP932); `euc-kr` means its superset CP949. Any other label is
/// passed to `iconv` as written (ISO-8859-*, windows-125*, KOI8-R, EUC-JP, Big5, UTF-16/32 …).
final class CharsetConverter {
    /// Why a conversion stopped.
    enum Failure: Error, Equatable {
        /// The byte at `offset` (from the start of the input) does not decode in the charset.
        case undecodable(offset: Int, byte: UInt8)
        /// The input ends inside a multi-byte character that starts at `offset`.
        case incomplete(offset: Int)
    }

    /// The label as the document or server gave it.
    let label: String
    private let descriptor: iconv_t
    private let isWindows1252: Bool
    private var carry: [UInt8] = []
    /// Input bytes converted so far, plus `baseOffset`.
    private var consumed: Int

    /// A converter from `label` to UTF-8; nil when the system knows no such charset.
    ///
    /// - Parameter baseOffset: Where the converted bytes start in the input (after a byte-order
    ///   mark), so that errors name offsets in the input as given.
    init?(label: String, baseOffset: Int = 0) {
        guard let names = Self.systemNames(for: label) else { return nil }
        var opened: iconv_t?
        for name in names {
            let descriptor = iconv_open("UTF-8", name)
            if let descriptor, descriptor != iconv_t(bitPattern: -1) {
                opened = descriptor
                break
            }
        }
        guard let opened else { return nil }
        self.label = label
        self.descriptor = opened
        self.isWindows1252 = names.first == "WINDOWS-1252"
        self.consumed = baseOffset
    }

    deinit { iconv_close(descriptor) }

    /// True when `label` names UTF-8 (no conversion needed).
    static func isUTF8(_ label: String) -> Bool {
        ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8"].contains(normalized(label))
    }

    /// The label trimmed, unquoted and lower-cased.
    static func normalized(_ label: String) -> String {
        label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")).lowercased()
    }

    /// The `iconv` names to try for `label`, best first; nil for a label that cannot be a charset name.
    static func systemNames(for label: String) -> [String]? {
        let name = normalized(label)
        guard !name.isEmpty, name.count <= 40,
            name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:()".unicodeScalars.contains($0)) })
        else { return nil }
        switch name {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
            "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252", "cp1252", "x-cp1252":
            return ["WINDOWS-1252"]
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "chinese", "csgb2312", "euc-cn":
            return ["GB18030"]
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932":
            return ["CP932", "SHIFT_JIS"]
        case "euc-kr", "cp949", "windows-949", "ks_c_5601-1987", "ksc5601", "korean", "csksc56011987", "uhc":
            return ["CP949", "EUC-KR"]
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
            return ["BIG5-HKSCS", "BIG5"]
        default:
            return [name.uppercased()]
        }
    }

    /// Converts `input` (after any bytes carried over from the last call) and appends the UTF-8
    /// to `output`. With `final`, bytes left inside a character are an error; otherwise they are
    /// kept for the next call.
    func convert(_ input: [UInt8], final: Bool, into output: inout [UInt8]) throws(Failure) {
        var pending = carry.isEmpty ? input : carry + input
        carry = []
        var start = 0
        var chunk = [UInt8](repeating: 0, count: max(256, min(pending.count * 2, 1 << 20)))
        while start < pending.count {
            var stopped: Int32 = 0
            var read = 0
            var written = 0
            pending.withUnsafeMutableBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(sourceBase + start)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = source.count - start
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(targetBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    stopped = result == -1 ? errno : 0
                    read = source.count - start - inLeft
                    written = target.count - outLeft
                }
            }
            output.append(contentsOf: chunk[0..<written])
            start += read
            consumed += read
            switch stopped {
            case 0, E2BIG:
                continue
            case EINVAL:
                if final { throw .incomplete(offset: consumed) }
                carry = Array(pending[start...])
                return
            default:
                let byte = pending[start]
                // WHATWG's windows-1252 maps its five unassigned bytes to the C1 controls.
                if isWindows1252, [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
                    output.append(contentsOf: [0xC2, byte])
                    start += 1
                    consumed += 1
                    continue
                }
                throw .undecodable(offset: consumed, byte: byte)
            }
        }
        if final {
            // Flush a stateful encoding's final shift sequence.
            let flushed = chunk.withUnsafeMutableBufferPointer { target -> Int in
                guard let base = target.baseAddress else { return 0 }
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = target.count
                _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                return target.count - outLeft
            }
            output.append(contentsOf: chunk[0..<flushed])
        }
    }
}
