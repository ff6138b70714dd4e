import Foundation

/// Everything an importer needs besides the bytes: the input's name for error messages, the
/// URL relative links resolve against, the boilerplate rules, and the size limits.
public struct ImportContext: Sendable {
    /// The input's name as the user gave it (a path, a URL, `-`); used in every error message.
    public var inputName: String
    /// The URL that relative links resolve against when the document names none of its own
    /// (`<base href>`, `xml:base`, a feed's `<link>`).
    public var baseURL: URL?
    /// The rules that strip newsletter plugs, share prompts and comment sections from bodies.
    public var boilerplate: BoilerplateFilter
    /// The limits that protect against oversized or hostile input.
    public var limits: ImportLimits
    /// The charset the server named in its `Content-Type` (`text/xml; charset=koi8-r` gives
    /// `koi8-r`), if the input was fetched; it overrides the document's own declaration, and
    /// only a byte-order mark overrides it.
    public var declaredCharset: String?
    /// The file the input was read from, if it was read from disk: a relative image path
    /// (`images/relay.jpg`) that ``baseURL`` does not resolve becomes a file beside it.
    public var sourceFile: URL?

    /// Creates a context; every parameter but the name has a default.
    public init(
        inputName: String,
        baseURL: URL? = nil,
        boilerplate: BoilerplateFilter = .default,
        limits: ImportLimits = .default,
        declaredCharset: String? = nil,
        sourceFile: URL? = nil
    ) {
        self.declaredCharset = declaredCharset
        self.sourceFile = sourceFile
        self.inputName = inputName
        self.baseURL = baseURL
        self.boilerplate = boilerplate
        self.limits = limits
    }

    /// `location` (an image's `src` or front-matter path) as a URL: absolute as written, else
    /// resolved against ``baseURL``, else a file relative to ``sourceFile``'s folder; nil when
    /// none applies (a site path such as `/images/a.jpg` without a base URL).
    public func resolveImage(_ location: String) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let absolute = URL(string: trimmed), let scheme = absolute.scheme, scheme.count > 1 { return absolute }
        if let baseURL, let resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL { return resolved }
        guard let sourceFile, !trimmed.hasPrefix("//") else { return nil }
        let path = trimmed.removingPercentEncoding ?? trimmed
        // `/images/a.jpg` is a path on the site, not on this disk: it needs the base URL.
        if path.hasPrefix("/") { return nil }
        return URL(fileURLWithPath: path, relativeTo: sourceFile.deletingLastPathComponent()).standardizedFileURL
    }

    /// Whether a post may use the local image `url`: only when the input itself was read from
    /// disk (``sourceFile``), as a publisher's own post with its images beside it. A page fetched
    /// or piped in cannot make Syndicate read (and publish) a file of this machine.
    public func allowsLocalImage(_ url: URL) -> Bool {
        url.isFileURL && sourceFile != nil
    }

    /// The `charset` parameter of an HTTP `Content-Type` value, for ``declaredCharset``:
    /// `application/rss+xml; charset="windows-1252"` gives `windows-1252`; nil when there is none.
    public static func charset(inContentType value: String) -> String? {
        CharsetSniffing.contentTypeCharset(value)
    }
}

/// Bounds on what an importer accepts; each breach is an ``ImportError`` of kind `.tooLarge`.
public struct ImportLimits: Sendable, Equatable {
    /// The largest document read whole (HTML, Markdown, text, JSON), in bytes. Default 10 MiB.
    public var maxDocumentBytes: Int
    /// The largest single feed item, in bytes of its text. Default 2 MiB. Feeds themselves are
    /// streamed, so their total size is bounded by ``maxItems`` rather than by bytes.
    public var maxItemBytes: Int
    /// The most items read from one feed. Default 1,000,000.
    public var maxItems: Int
    /// The deepest nesting accepted: XML elements and JSON arrays and objects deeper than this are
    /// an error; HTML elements deeper than this are flattened into the deepest allowed one, as
    /// browsers do, because unclosed tags in real pages nest without meaning to. Default 512.
    public var maxDepth: Int
    /// The longest single field of a post, in UTF-8 bytes: id, title, URL, author, each tag,
    /// source, image address and alt text, language. The body and the summary are bounded by
    /// ``maxDocumentBytes`` and ``maxItemBytes`` instead. Default 64 KiB.
    public var maxFieldBytes: Int

    /// Creates limits; every value has a default.
    public init(
        maxDocumentBytes: Int = 10 << 20,
        maxItemBytes: Int = 2 << 20,
        maxItems: Int = 1_000_000,
        maxDepth: Int = 512,
        maxFieldBytes: Int = 64 << 10
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxItemBytes = maxItemBytes
        self.maxItems = maxItems
        self.maxDepth = maxDepth
        self.maxFieldBytes = maxFieldBytes
    }

    /// The defaults.
    public static let `default` = ImportLimits()
}
