import Foundation

/// Reads an RSS 2.0, RSS 1.0 or Atom feed as a stream, one post at a time.
///
/// The feed is read in 64 KiB chunks from a file, an `InputStream` or a `FileHandle`, and each
/// item becomes a ``Post`` as soon as its end tag has been read; nothing of an item is kept
/// once it is returned. A consumer that handles one post at a time therefore runs in memory
/// bounded by ``ImportLimits/maxItemBytes``, however many items the feed has, and the time is
/// linear in the feed's size.
///
/// ```swift
/// let reader = try FeedReader(contentsOf: URL(fileURLWithPath: "news.rss"),
///                             context: ImportContext(inputName: "news.rss"))
/// while let post = try reader.nextPost() {
///     print(post.title)
/// }
/// ```
///
/// `FeedReader` is also a `Sequence` of `Result<Post, ImportError>`, which ends after the first
/// failure: `for result in reader { let post = try result.get() }`.
///
/// Errors (all ``ImportError``): `.empty` for an empty input, `.notText` for binary data or a
/// byte that does not decode in the feed's charset (named with its offset), `.unknownCharset`
/// for a charset the system cannot convert, `.malformed` for broken XML — truncated documents, mismatched tags,
/// a root that is not `<rss>`, `<rdf:RDF>` or `<feed>` — with the line and column, `.tooLarge`
/// when ``ImportLimits/maxItems``, ``ImportLimits/maxItemBytes`` or ``ImportLimits/maxDepth`` is
/// breached, and `.noContent` when the feed closes without any item; when every item was
/// skipped, the first skipped item's error (e.g. `.missingField` for an empty item).
/// Posts already returned stay valid when a later error is thrown.
///
/// One bad item never sinks the feed: an item that cannot become a post (no title and no text
/// to take one from, a field over ``ImportLimits/maxFieldBytes``) is skipped and ``warnings``
/// says which and why; an item without a title takes one from its text (``ImportWarning``
/// of kind `derivedTitle`). Structural damage — truncation, mismatched tags — stays an error.
///
/// The charset: a byte-order mark, ``ImportContext/declaredCharset`` (the server's), then the XML
/// declaration decide, and a feed in any charset but UTF-8 is converted as it streams; a feed that
/// declares none and is not UTF-8 is read as windows-1252, and one that declares a legacy charset
/// but is UTF-8 is read as UTF-8, each with a warning (`guessedCharset`).
/// Entities declared in the internal DTD subset are expanded, within bounds.
///
/// The root element decides the dialect, so an RSS reader given an Atom file reads it as Atom
/// (and a `<CHANNEL>` root as CDF, read by the RSS importer).
/// JSON Feeds are read by ``JSONFeedImporter``.
public final class FeedReader: Sequence, IteratorProtocol {
    /// The dialect, known once the root element has been read.
    enum Dialect {
        case rss2, rss1, atom
        /// Microsoft's Channel Definition Format: a `<CHANNEL>` root with `<ITEM HREF>` children.
        case cdf

        var format: ImportFormat { self == .atom ? .atom : .rss }
    }

    private var parser: XMLPullParser
    private let context: ImportContext
    private let declaredFormat: ImportFormat?
    private var dialect: Dialect?
    private var channel = FeedChannel()
    private var building: [XMLNode] = []
    private var capturingItem = false
    private var captureStart = 0
    private var itemCount = 0
    private var postCount = 0
    private var finished = false

    /// The warnings so far, in document order: items skipped and titles derived.
    public private(set) var warnings: [ImportWarning] = []

    /// Creates a reader over the file at `url`.
    ///
    /// - Parameters:
    ///   - url: A file URL.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    ///   - format: The format the caller expects (`.rss` or `.atom`), named in errors; when nil
    ///     the root element names it.
    /// - Throws: ``ImportError`` of kind `.unreadable` when the file cannot be opened.
    public convenience init(contentsOf url: URL, context: ImportContext, format: ImportFormat? = nil) throws(ImportError) {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ImportError(
                .unreadable, input: context.inputName, format: format,
                message: "the file cannot be opened (\(error.localizedDescription)); check the path and its permissions.")
        }
        self.init(fileHandle: handle, context: context, format: format)
    }

    /// Creates a reader over `stream`, which it opens if needed and reads in chunks.
    ///
    /// - Parameters:
    ///   - stream: The feed's bytes.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    ///   - format: The expected format, named in errors; nil to let the root element name it.
    public convenience init(stream: InputStream, context: ImportContext, format: ImportFormat? = nil) {
        self.init(source: .stream(stream), context: context, format: format)
    }

    /// Creates a reader over `fileHandle`, read in chunks from its current offset.
    ///
    /// - Parameters:
    ///   - fileHandle: An open handle on the feed.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    ///   - format: The expected format, named in errors; nil to let the root element name it.
    public convenience init(fileHandle: FileHandle, context: ImportContext, format: ImportFormat? = nil) {
        self.init(source: .fileHandle(fileHandle), context: context, format: format)
    }

    /// Creates a reader over bytes already in memory.
    ///
    /// - Parameters:
    ///   - data: The feed's bytes, in the charset its byte-order mark, `context.declaredCharset` or
    ///     XML declaration names (UTF-8 when none does).
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    ///   - format: The expected format, named in errors; nil to let the root element name it.
    public convenience init(data: Data, context: ImportContext, format: ImportFormat? = nil) {
        self.init(source: .bytes([UInt8](data)), context: context, format: format)
    }

    init(source: XMLByteSource, context: ImportContext, format: ImportFormat?) {
        self.parser = XMLPullParser(
            source: source, maxTokenBytes: context.limits.maxItemBytes, maxDepth: context.limits.maxDepth,
            declaredCharset: context.declaredCharset)
        self.context = context
        self.declaredFormat = format
    }

    /// How many items have been started so far.
    public var itemsRead: Int { itemCount }

    /// The next post, in feed order, or nil after the last one.
    ///
    /// - Returns: The next item's post; nil once the feed has ended (and every later call).
    /// - Throws: ``ImportError`` as described on ``FeedReader``; after a throw the reader is finished.
    public func nextPost() throws(ImportError) -> Post? {
        guard !finished else { return nil }
        do {
            return try readPost()
        } catch {
            finished = true
            throw error
        }
    }

    /// The next post as a result, for `for result in reader`.
    ///
    /// The sequence is single-pass: iterating consumes the reader.
    ///
    /// - Returns: `.success` with the next post, `.failure` once for the first error, then nil;
    ///   nil after the last post.
    public func next() -> Result<Post, ImportError>? {
        do {
            guard let post = try nextPost() else { return nil }
            return .success(post)
        } catch {
            return .failure(error)
        }
    }

    private var format: ImportFormat? { declaredFormat ?? dialect?.format }

    private func failure(_ kind: ImportError.Kind, _ message: String, location: String? = nil) -> ImportError {
        ImportError(kind, input: context.inputName, format: format, location: location, message: message)
    }

    private func readPost() throws(ImportError) -> Post? {
        while true {
            let event: XMLPullParser.Event?
            do {
                event = try parser.next()
            } catch {
                throw translate(error)
            }
            guard let event else {
                finished = true
                guard itemCount > 0 else {
                    throw failure(.noContent, "the feed has no items; there is nothing to import.")
                }
                guard postCount > 0 else {
                    throw FeedItemOutcome.nothingImported(warnings, format: format, context: context)
                }
                return nil
            }
            switch event {
            case .start(let element):
                try start(element)
            case .text(let text):
                if let node = building.last {
                    try checkItemSize()
                    node.append(text: text)
                }
            case .end:
                guard let node = building.popLast() else { continue }
                try checkItemSize()
                if let parent = building.last {
                    parent.append(element: node)
                } else if capturingItem {
                    capturingItem = false
                    if let post = post(from: node) {
                        postCount += 1
                        return post
                    }
                } else {
                    channel.absorb(node, context: context)
                }
            }
        }
    }

    private func translate(_ error: XMLPullParser.Failure) -> ImportError {
         failure(error.kind, error.message, location: error.location)
    }

    private func start(_ element: XMLPullParser.Element) throws(ImportError) {
        if let parent = building.last {
            let node = XMLNode(element, parentBase: parent.base, parentLanguage: parent.language)
            building.append(node)
            try checkItemSize()
            return
        }
        guard let dialect else {
            try startRoot(element)
            return
        }
        // Children of the root and of an RSS channel.
        if dialect != .atom, parser.depth == 2, element.name.local == "channel", Namespace.rss.contains(element.name.namespace) {
            updateContainerScope(element)
            return
        }
        let isItem: Bool
        switch dialect {
        case .rss2, .rss1:
            isItem = element.name.local == "item" && Namespace.rss.contains(element.name.namespace)
        case .atom:
            isItem = element.name.local == "entry" && Namespace.atomAny.contains(element.name.namespace)
        case .cdf:
            isItem = element.name.local == "ITEM" || element.name.local == "item"
        }
        if isItem {
            itemCount += 1
            guard itemCount <= context.limits.maxItems else {
                throw failure(
                    .tooLarge,
                    "the feed has more than \(context.limits.maxItems) items; raise ImportLimits.maxItems or read fewer posts.",
                    location: "item \(itemCount), \(parser.location)")
            }
        }
        capturingItem = isItem
        captureStart = parser.position
        building.append(XMLNode(element, parentBase: channel.itemBase(context: context), parentLanguage: nil))
    }

    private func startRoot(_ element: XMLPullParser.Element) throws(ImportError) {
        let name = element.name
        if name.local == "rss", Namespace.rss.contains(name.namespace) {
            dialect = .rss2
        } else if name.local == "RDF", name.namespace == Namespace.rdf {
            dialect = .rss1
        } else if name.local == "feed", Namespace.atomAny.contains(name.namespace) {
            dialect = .atom
        } else if name.local == "CHANNEL" || name.local == "channel", name.namespace.isEmpty {
            dialect = .cdf
            if let base = element.attributes.first(where: { $0.name.local.uppercased() == "BASE" && $0.name.namespace.isEmpty }) {
                channel.xmlBase = FeedURL.resolve(base.value, against: context.baseURL)
            }
        } else if name.local.lowercased() == "html" {
            throw failure(
                .malformed,
                "the root element is <\(element.qualifiedName)>, so this is a web page, not a feed; import it with ImportFormat.html.",
                location: "line \(element.line)")
        } else {
            throw failure(
                .malformed,
                "the root element is <\(element.qualifiedName)>, not <rss>, <rdf:RDF> or <feed>; this is not an RSS or Atom feed (use ImportFormat.html for a web page, ImportFormat.jsonfeed for a JSON Feed).",
                location: "line \(element.line)")
        }
        updateContainerScope(element)
        if let note = parser.charsetNote {
            warnings.append(
                ImportWarning(.guessedCharset, input: context.inputName, message: note + " Declare its charset correctly."))
        }
    }

    /// Applies `xml:base` and `xml:lang` on the root or channel element.
    private func updateContainerScope(_ element: XMLPullParser.Element) {
        for attribute in element.attributes where attribute.name.namespace == Namespace.xml {
            if attribute.name.local == "base" {
                channel.xmlBase = FeedURL.resolve(attribute.value, against: channel.xmlBase ?? context.baseURL)
            } else if attribute.name.local == "lang" {
                let language = Whitespace.collapse(attribute.value)
                channel.xmlLanguage = language.isEmpty ? channel.xmlLanguage : language
            }
        }
    }

    private func checkItemSize() throws(ImportError) {
        let size = parser.position - captureStart
        guard size > context.limits.maxItemBytes else { return }
        let what = capturingItem ? "item \(itemCount)" : "a channel element"
        throw failure(
            .tooLarge,
            "\(what) is over \(InputText.byteCount(context.limits.maxItemBytes)); raise ImportLimits.maxItemBytes if it is genuine.",
            location: capturingItem ? "item \(itemCount), \(parser.location)" : parser.location)
    }

    /// The post for a finished item; nil when it is skipped (with a warning).
    private func post(from node: XMLNode) -> Post? {
        let entry: FeedEntry
        let dialect = self.dialect ?? .rss2
        switch dialect {
        case .rss2, .rss1: entry = RSSItemMapper.entry(from: node)
        case .atom: entry = AtomEntryMapper.entry(from: node)
        case .cdf: entry = CDFItemMapper.entry(from: node)
        }
        return FeedItemOutcome.post(
            from: entry, number: itemCount,
            fallbackAuthor: channel.author,
            fallbackLanguage: channel.language ?? channel.xmlLanguage,
            format: format ?? dialect.format,
            context: context, warnings: &warnings)
    }
}
