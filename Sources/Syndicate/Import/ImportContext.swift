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

    /// Creates a context; every parameter but the name has a default.
    public init(
        inputName: String,
        baseURL: URL? = nil,
        boilerplate: BoilerplateFilter = .default,
        limits: ImportLimits = .default
    ) {
        self.inputName = inputName
        self.baseURL = baseURL
        self.boilerplate = boilerplate
        self.limits = limits
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
    /// The deepest element nesting accepted in HTML and XML. Default 512.
    public var maxDepth: Int

    /// Creates limits; every value has a default.
    public init(
        maxDocumentBytes: Int = 10 << 20,
        maxItemBytes: Int = 2 << 20,
        maxItems: Int = 1_000_000,
        maxDepth: Int = 512
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxItemBytes = maxItemBytes
        self.maxItems = maxItems
        self.maxDepth = maxDepth
    }

    /// The defaults.
    public static let `default` = ImportLimits()
}
