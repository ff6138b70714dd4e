import Foundation

/// A pull tokenizer for the XML that feeds are written in: elements with namespaces, attributes,
/// text with entities (XML's five, numeric, and the HTML names that feeds misuse), CDATA,
/// comments, processing instructions and a doctype whose internal subset may declare entities
/// (``XMLEntityTable``, expanded with bounds).
///
/// It reads ``XMLByteSource`` chunk by chunk, so memory is bounded by the largest single token
/// (``maxTokenBytes``) and the nesting depth (``maxDepth``), never by the document. Each call to
/// ``next()`` returns one event. It rejects what a feed reader must not accept silently:
/// truncated documents (the root never closes), mismatched end tags, text outside the root, and
/// bytes that do not decode in the document's charset. Errors carry the line and column.
///
/// The charset is decided on the first chunk by ``CharsetSniffing/xml(_:server:)`` (byte-order
/// mark, byte layout, the server's charset, the XML declaration); a document in any charset
/// but UTF-8 is converted to UTF-8 as it is read (``XMLTranscodingSource``). A document that
/// declares nothing and whose first 64 KiB are not UTF-8 is read as windows-1252, the legacy
/// default of browsers and feedparser alike; one whose XML declaration names a legacy charset
/// but whose first 64 KiB are UTF-8 with non-ASCII text (a file re-encoded without updating its
/// declaration) is read as UTF-8. ``charsetNote`` says which.
struct XMLPullParser {
    /// A namespace-resolved element or attribute name.
    struct Name: Equatable {
        /// The namespace URI; empty for none.
        var namespace: String
        /// The local part.
        var local: String
    }

    /// An attribute of a start tag.
    struct Attribute {
        /// The resolved name (unprefixed attributes have no namespace).
        var name: Name
        /// The value, entities decoded.
        var value: String
    }

    /// A start tag.
    struct Element {
        /// The resolved name.
        var name: Name
        /// The name as written, `dc:creator`.
        var qualifiedName: String
        /// The attributes in document order, `xmlns` declarations excluded.
        var attributes: [Attribute]
        /// The line the tag starts on.
        var line: Int
    }

    /// One step of the document.
    enum Event {
        /// A start tag (a self-closing tag yields `start` then `end`).
        case start(Element)
        /// An end tag.
        case end(Name)
        /// Character data: text with entities decoded, or a CDATA section as written.
        case text(String)
    }

    /// Why tokenizing stopped.
    struct Failure: Error {
        /// The import error category.
        var kind: ImportError.Kind
        /// What went wrong and what to do.
        var message: String
        /// Where: `line 3, column 7`.
        var location: String?
    }

    /// The largest token (text run, tag, comment) accepted, in bytes.
    let maxTokenBytes: Int
    /// The deepest nesting accepted.
    let maxDepth: Int

    private var source: XMLByteSource
    private var buffer: [UInt8] = []
    private var index = 0
    private var bufferOffset = 0
    private var exhausted = false
    private var started = false
    private(set) var line = 1
    private var lineStart = 0
    private let declaredCharset: String?
    /// What the bytes decided against the declaration, when they did (one sentence).
    private(set) var charsetNote: String?

    private var open: [(qualifiedName: String, name: Name, line: Int, boundPrefixes: [String])] = []
    private var namespaces = XMLNamespaceScope()
    private var pendingEnd: Name?
    private(set) var rootName: String?
    private var rootClosed = false
    private var sawMarkup = false
    private var tagLine = 1
    private var tagColumn = 1
    private var scratch: [UInt8] = []
    private var entities = XMLEntityTable()
    private var text: [UInt8] = []

    /// Creates a tokenizer over `source`.
    init(source: XMLByteSource, maxTokenBytes: Int, maxDepth: Int, declaredCharset: String? = nil) {
        self.source = source
        self.declaredCharset = declaredCharset
        self.maxTokenBytes = max(1024, maxTokenBytes)
        self.maxDepth = max(1, maxDepth)
    }

    /// The byte offset of the next unread byte from the start of the input.
    var position: Int { bufferOffset + index }

    /// The current depth: the number of open elements.
    var depth: Int { open.count }

    /// `line L, column C` of the next unread byte.
    var location: String { "line \(line), column \(position - lineStart + 1)" }

    /// `line L, column C` of the `<` that starts the current tag.
    private var tagLocation: String { "line \(tagLine), column \(tagColumn)" }

    // MARK: - Events

    /// The next event, or nil once the root element has closed and the input has ended.
    ///
    /// - Throws: ``Failure`` for malformed, truncated, oversized or non-UTF-8 input.
    mutating func next() throws(Failure) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            try closeElement()
            return .end(name)
        }
        while true {
            guard let byte = try peek() else { return try finish() }
            if byte != UInt8(ascii: "<") {
                if let event = try readText() { return event }
                continue
            }
            tagLine = line
            tagColumn = position - lineStart + 1
            advance()
            sawMarkup = true
            guard let next = try peek() else { throw truncated() }
            switch next {
            case UInt8(ascii: "/"):
                advance()
                return try readEndTag()
            case UInt8(ascii: "?"):
                advance()
                try readProcessingInstruction()
            case UInt8(ascii: "!"):
                advance()
                if let event = try readBang() { return event }
            default:
                return try readStartTag()
            }
        }
    }

    private mutating func finish() throws(Failure) -> Event? {
        if !open.isEmpty { throw truncated() }
        if rootName == nil, !sawMarkup {
            throw Failure(kind: .empty, message: "the input is empty; give a feed with items in it.", location: nil)
        }
        if rootName == nil {
            throw Failure(
                kind: .malformed, message: "the document has no root element; it is not an XML feed.",
                location: location)
        }
        return nil
    }

    private func truncated() -> Failure {
        guard let innermost = open.last, let root = open.first else {
            return Failure(
                kind: .malformed, message: "the document ends inside a tag; the file is truncated — fetch it again.",
                location: location)
        }
        let inside = open.count > 1 ? " inside <\(innermost.qualifiedName)> (opened at line \(innermost.line))" : ""
        return Failure(
            kind: .malformed,
            message:
                "the document ends\(inside) before <\(root.qualifiedName)> is closed; the file is truncated — fetch it again.",
            location: location)
    }

    private func malformed(_ message: String) -> Failure {
        Failure(kind: .malformed, message: message, location: location)
    }

    // MARK: - Bytes

    @inline(__always)
    private mutating func peek() throws(Failure) -> UInt8? {
        if index < buffer.count { return buffer[index] }
        // A chunk can be used up at once (a first chunk that is only a byte-order mark).
        while index >= buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[index]
    }

    @inline(__always)
    private mutating func advance() {
        if buffer[index] == 0x0A {
            line += 1
            lineStart = bufferOffset + index + 1
        }
        index += 1
    }

    /// Reads the next chunk; false at the end of the input.
    private mutating func refill() throws(Failure) -> Bool {
        guard !exhausted else { return false }
        bufferOffset += buffer.count
        index = 0
        let more: Bool
        do {
            more = try source.read(into: &buffer)
        } catch {
            if error.conversion {
                throw Failure(kind: .notText, message: error.reason + ".", location: location)
            }
            throw Failure(kind: .unreadable, message: "reading failed: \(error.reason).", location: location)
        }
        guard more, !buffer.isEmpty else {
            exhausted = true
            buffer = []
            return false
        }
        if !started {
            started = true
            try checkStart()
        }
        return true
    }

    /// Decides the charset on the first chunk (converting what follows to UTF-8 when it is not
    /// UTF-8), skips a byte-order mark, and rejects binary data.
    private mutating func checkStart() throws(Failure) {
        let decision = CharsetSniffing.xml(buffer[...], server: declaredCharset)
        var label = decision.label
        if label == nil, decision.origin == .none, !Self.looksUTF8(buffer[...]) {
            label = "windows-1252"
            charsetNote = "the feed declares no charset and is not UTF-8; it was read as windows-1252."
        } else if let declared = label, decision.origin == .declaration, CharsetSniffing.isUTF8Text(buffer[...]) {
            label = nil
            charsetNote = "the feed declares the charset \(declared) but its text is UTF-8; it was read as UTF-8."
        }
        guard let label else {
            index = decision.skip
            try rejectBinary()
            return
        }
        guard let converter = CharsetConverter(label: label, baseOffset: decision.skip) else {
            let origin = decision.origin == .server ? "the server's Content-Type names" : "the feed declares"
            throw Failure(
                kind: .unknownCharset,
                message:
                    "\(origin) the charset \"\(label)\", which this system cannot convert; correct the name or convert the file to UTF-8.",
                location: nil)
        }
        let first = Array(buffer[min(decision.skip, buffer.count)...])
        let transcoder = XMLTranscodingSource(inner: source, converter: converter, first: first)
        source = .transcoded(transcoder)
        index = 0
        do {
            if try !source.read(into: &buffer) { buffer = [] }
        } catch {
            throw Failure(kind: .notText, message: error.reason + ".", location: nil)
        }
        try rejectBinary()
    }

    private func rejectBinary() throws(Failure) {
        if buffer.prefix(4096).contains(0) {
            throw Failure(
                kind: .notText, message: "the input looks like binary data (it contains NUL bytes), not a feed.",
                location: nil)
        }
    }

    /// True when the first 64 KiB of `bytes` are UTF-8 (a character cut at the end allowed).
    static func looksUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var window = bytes.prefix(65_536)
        guard window.contains(where: { $0 >= 0x80 }) else { return true }
        var lead = window.endIndex
        while lead > window.startIndex, window.endIndex - lead < 4 {
            lead -= 1
            if window[lead] & 0xC0 != 0x80 { break }
        }
        if lead < window.endIndex {
            let byte = window[lead]
            let width = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if window.endIndex - lead < width { window = window[..<lead] }
        }
        return window.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    /// Where ``scan(until:into:)`` puts the bytes it passes.
    private enum Sink {
        case text, scratch, discard
    }

    /// Appends bytes to `sink` until `stop`, which is left unread.
    /// Returns false when the input ends first.
    private mutating func scan(until stop: UInt8, into sink: Sink) throws(Failure) -> Bool {
        while true {
            if index >= buffer.count {
                guard try refill() else { return false }
            }
            let start = index
            let end = buffer.count
            var cursor = end
            var newlines = 0
            var lastNewline = -1
            // `memchr` for the stop byte, then for the few line feeds before it: text and CDATA
            // runs are long and have few lines, so this reads them at memory speed.
            buffer.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                if let found = memchr(base + start, Int32(stop), end - start) {
                    cursor = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                var position = start
                while position < cursor, let found = memchr(base + position, 0x0A, cursor - position) {
                    lastNewline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    newlines += 1
                    position = lastNewline + 1
                }
            }
            switch sink {
            case .text:
                text.append(contentsOf: buffer[start..<cursor])
                guard text.count <= maxTokenBytes else { throw tooLong() }
            case .scratch:
                scratch.append(contentsOf: buffer[start..<cursor])
                guard scratch.count <= maxTokenBytes else { throw tooLong() }
            case .discard:
                break
            }
            if newlines > 0 {
                line += newlines
                lineStart = bufferOffset + lastNewline + 1
            }
            index = cursor
            if cursor < end { return true }
        }
    }

    private func tooLong() -> Failure {
        Failure(
            kind: .tooLarge,
            message:
                "a single text run or tag is over \(InputText.byteCount(maxTokenBytes)); raise ImportLimits.maxItemBytes if it is genuine.",
            location: location)
    }

    /// Skips spaces, tabs and newlines.
    private mutating func skipWhitespace() throws(Failure) {
        while let byte = try peek(), Self.isSpace(byte) { advance() }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
            UInt8(ascii: ":"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Decodes collected bytes (UTF-8, converted first when the document is in another charset).
    private func string(_ bytes: [UInt8]) throws(Failure) -> String {
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw notUTF8(bytes) }
        return decoded
    }

    /// The error for `bytes`, which end at or just before the current position, not being UTF-8.
    private func notUTF8(_ bytes: [UInt8]) -> Failure {
        let invalid = InputText.firstInvalidUTF8Offset(Data(bytes)[...]) ?? 0
        let offset = max(0, position - bytes.count + invalid)
        return Failure(
            kind: .notText,
            message:
                "byte \(offset) is not valid UTF-8 and the document declares no other charset; declare its charset (<?xml version=\"1.0\" encoding=\"…\"?>) or convert the file to UTF-8.",
            location: "byte \(offset), \(location)")
    }

    // MARK: - Tokens

    /// Text up to the next `<`; nil for whitespace outside the root, which is skipped.
    private mutating func readText() throws(Failure) -> Event? {
        if open.isEmpty {
            try skipWhitespace()
            guard let byte = try peek(), byte != UInt8(ascii: "<") else { return nil }
            let place = rootClosed ? "after the root element closed" : "before the root element"
            let hint =
                byte == UInt8(ascii: "{") && !rootClosed
                ? "; it looks like JSON — a JSON Feed is read with ImportFormat.jsonfeed" : ""
            throw malformed(
                "there is text (starting '\(Self.describe(byte))') \(place); the input is not a well-formed XML feed\(hint).")
        }
        text.removeAll(keepingCapacity: true)
        _ = try scan(until: UInt8(ascii: "<"), into: .text)
        let raw = try string(text)
        return .text(text.contains(UInt8(ascii: "&")) ? try decodeReferences(raw) : raw)
    }

    /// `raw` with declared entities expanded, then XML's, numeric and HTML's named references decoded.
    private func decodeReferences(_ raw: String) throws(Failure) -> String {
        guard !entities.isEmpty else { return HTMLEntities.decode(raw) }
        do {
            return HTMLEntities.decode(try entities.expand(raw, maxBytes: maxTokenBytes))
        } catch {
            switch error {
            case .tooLarge(let message): throw Failure(kind: .tooLarge, message: message, location: location)
            }
        }
    }

    /// Reads a name (element or attribute).
    private mutating func readName(what: String) throws(Failure) -> String {
        guard let first = try peek() else { throw truncated() }
        guard Self.isNameStart(first) else {
            throw malformed("expected \(what) but found '\(Self.describe(first))'; a literal '<' in text must be written &lt;.")
        }
        // Fast path: the whole name is in the buffer (a name holds no newline, so the line stays).
        do {
            let start = index
            var end = start + 1
            while end < buffer.count, end - start <= Self.maxNameBytes, Self.isNameByte(buffer[end]) { end += 1 }
            if end < buffer.count, end - start <= Self.maxNameBytes {
                let name = buffer.withUnsafeBufferPointer {
                    String(validating: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
                }
                guard let name else { throw notUTF8(Array(buffer[start..<end])) }
                index = end
                return name
            }
        }
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek(), Self.isNameByte(byte) {
            scratch.append(byte)
            advance()
            guard scratch.count <= Self.maxNameBytes else { throw tooLong() }
        }
        return try string(scratch)
    }

    /// The longest element or attribute name read.
    private static let maxNameBytes = 1024

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : String(format: "0x%02X", byte)
    }

    private mutating func readStartTag() throws(Failure) -> Event {
        if rootClosed {
            throw malformed("a second root element starts after the first one closed; the input is not a single XML feed.")
        }
        let tagLine = line
        let qualifiedName = try readName(what: "an element name after '<'")
        if open.isEmpty, qualifiedName.lowercased() == "html" {
            // A web page: report its root now rather than tripping over HTML's unquoted attributes.
            return try openElement(qualifiedName, [], line: tagLine, selfClosing: false)
        }
        var raw: [(name: String, value: String)] = []
        var selfClosing = false
        var tagBytes = 0
        while true {
            try skipWhitespace()
            guard let byte = try peek() else { throw truncated() }
            if byte == UInt8(ascii: ">") {
                advance()
                break
            }
            if byte == UInt8(ascii: "/") {
                advance()
                guard try peek() == UInt8(ascii: ">") else { throw malformed("expected '>' after '/' in <\(qualifiedName)>.") }
                advance()
                selfClosing = true
                break
            }
            let attributeName = try readName(what: "an attribute name or '>' in <\(qualifiedName)>")
            try skipWhitespace()
            guard try peek() == UInt8(ascii: "=") else {
                throw malformed("attribute \(attributeName) of <\(qualifiedName)> has no value; write \(attributeName)=\"…\".")
            }
            advance()
            try skipWhitespace()
            guard let quote = try peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed("the value of \(attributeName) in <\(qualifiedName)> is not quoted.")
            }
            advance()
            text.removeAll(keepingCapacity: true)
            guard try scan(until: quote, into: .text) else { throw truncated() }
            advance()
            if text.contains(UInt8(ascii: "<")) {
                throw malformed("the value of \(attributeName) in <\(qualifiedName)> contains '<'; write it as &lt;.")
            }
            tagBytes += text.count
            guard tagBytes <= maxTokenBytes else { throw tooLong() }
            let value = try string(text)
            raw.append((attributeName, text.contains(UInt8(ascii: "&")) ? try decodeReferences(value) : value))
        }
        return try openElement(qualifiedName, raw, line: tagLine, selfClosing: selfClosing)
    }

    private mutating func openElement(
        _ qualifiedName: String, _ raw: [(name: String, value: String)], line tagLine: Int, selfClosing: Bool
    ) throws(Failure) -> Event {
        guard open.count < maxDepth else {
            throw Failure(
                kind: .tooLarge,
                message: "elements are nested more than \(maxDepth) deep; raise ImportLimits.maxDepth if it is genuine.",
                location: location)
        }
        var raw = raw
        if open.isEmpty, qualifiedName == "feed", !raw.contains(where: { $0.name == "xmlns" }) {
            // A <feed> root without a namespace is Atom written carelessly; read it as Atom 1.0.
            raw.append(("xmlns", Namespace.atom))
        }
        let bound = namespaces.push(raw)
        let name = namespaces.element(qualifiedName)
        var attributes: [Attribute] = []
        attributes.reserveCapacity(raw.count)
        for (attributeName, value) in raw where attributeName != "xmlns" && !attributeName.hasPrefix("xmlns:") {
            attributes.append(Attribute(name: namespaces.attribute(attributeName), value: value))
        }
        if open.isEmpty { rootName = qualifiedName }
        open.append((qualifiedName, name, tagLine, bound))
        if selfClosing { pendingEnd = name }
        return .start(Element(name: name, qualifiedName: qualifiedName, attributes: attributes, line: tagLine))
    }

    private mutating func closeElement() throws(Failure) {
        guard let closed = open.popLast() else { return }
        namespaces.pop(closed.boundPrefixes)
        if open.isEmpty { rootClosed = true }
    }

    private mutating func readEndTag() throws(Failure) -> Event {
        if let name = try closesInnermostInBuffer() { return .end(name) }
        let qualifiedName = try readName(what: "an element name after '</'")
        try skipWhitespace()
        guard let byte = try peek() else { throw truncated() }
        guard byte == UInt8(ascii: ">") else { throw malformed("expected '>' to end </\(qualifiedName)>.") }
        advance()
        guard let innermost = open.last else {
            throw Failure(
                kind: .malformed, message: "</\(qualifiedName)> closes an element that was never opened.",
                location: tagLocation)
        }
        guard innermost.qualifiedName == qualifiedName else {
            throw Failure(
                kind: .malformed,
                message:
                    "</\(qualifiedName)> does not match <\(innermost.qualifiedName)> opened at line \(innermost.line); the tags are mismatched.",
                location: tagLocation)
        }
        let name = innermost.name
        try closeElement()
        return .end(name)
    }

    /// The fast path of ``readEndTag()``: when the buffer holds the innermost open element's
    /// name followed at once by `>` (the common `</title>`), closes it without making a `String`.
    /// Nil, with nothing read, in every other case, which the general path handles and reports.
    private mutating func closesInnermostInBuffer() throws(Failure) -> Name? {
        guard let innermost = open.last else { return nil }
        var expected = innermost.qualifiedName
        let start = index
        let matched = expected.withUTF8 { name in
            buffer.withUnsafeBufferPointer { bytes in
                // A name holds no newline, so skipping it leaves the line count as it is.
                let end = start + name.count
                guard let nameBase = name.baseAddress, let base = bytes.baseAddress, end < bytes.count,
                    bytes[end] == UInt8(ascii: ">")
                else { return false }
                return memcmp(base + start, nameBase, name.count) == 0
            }
        }
        guard matched else { return nil }
        index = start + expected.utf8.count + 1
        try closeElement()
        return innermost.name
    }

    /// `<?…?>`: skipped (the XML declaration's encoding was read before the first token).
    private mutating func readProcessingInstruction() throws(Failure) {
        while true {
            guard try scan(until: UInt8(ascii: "?"), into: .discard) else { throw truncated() }
            advance()
            if try peek() == UInt8(ascii: ">") {
                advance()
                return
            }
        }
    }

    /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>`.
    private mutating func readBang() throws(Failure) -> Event? {
        guard let byte = try peek() else { throw truncated() }
        if byte == UInt8(ascii: "-") {
            try expect("--", after: "<!")
            try skipComment()
            return nil
        }
        if byte == UInt8(ascii: "[") {
            try expect("[CDATA[", after: "<!")
            guard !open.isEmpty else { throw malformed("a CDATA section appears outside the root element.") }
            return .text(try readCDATA())
        }
        try expect("DOCTYPE", after: "<!", ignoringCase: true)
        try skipDoctype()
        return nil
    }

    private mutating func expect(_ literal: String, after prefix: String, ignoringCase: Bool = false) throws(Failure) {
        for expected in literal.utf8 {
            guard let byte = try peek() else { throw truncated() }
            let folded = ignoringCase && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            guard folded == expected else { throw malformed("expected \(prefix)\(literal) but the markup differs.") }
            advance()
        }
    }

    private mutating func skipComment() throws(Failure) {
        while true {
            guard try scan(until: UInt8(ascii: "-"), into: .discard) else { throw truncated() }
            var dashes = 0
            while try peek() == UInt8(ascii: "-") {
                advance()
                dashes += 1
            }
            if dashes >= 2, try peek() == UInt8(ascii: ">") {
                advance()
                return
            }
        }
    }

    private mutating func readCDATA() throws(Failure) -> String {
        text.removeAll(keepingCapacity: true)
        while true {
            guard try scan(until: UInt8(ascii: "]"), into: .text) else { throw truncated() }
            var brackets = 0
            while try peek() == UInt8(ascii: "]") {
                advance()
                brackets += 1
            }
            if brackets >= 2, try peek() == UInt8(ascii: ">") {
                advance()
                text.append(contentsOf: repeatElement(UInt8(ascii: "]"), count: brackets - 2))
                return try string(text)
            }
            text.append(contentsOf: repeatElement(UInt8(ascii: "]"), count: brackets))
        }
    }

    /// Reads a doctype, including an internal subset in brackets, and keeps the general entities
    /// it declares.
    private mutating func skipDoctype() throws(Failure) {
        var brackets = 0
        var quote: UInt8?
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek() {
            advance()
            scratch.append(byte)
            guard scratch.count <= maxTokenBytes else { throw tooLong() }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "]"): brackets -= 1
            case UInt8(ascii: ">") where brackets <= 0:
                if scratch.contains(UInt8(ascii: "[")) { entities.declare(from: scratch) }
                return
            default: break
            }
        }
        throw truncated()
    }
}
