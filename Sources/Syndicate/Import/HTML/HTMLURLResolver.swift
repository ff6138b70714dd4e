import Foundation

/// Resolves a page's URLs: its canonical URL and the base that relative links resolve against.
///
/// The canonical URL is `<link rel=canonical>`, else `og:url`, else the JSON-LD `url` or
/// `mainEntityOfPage`, each resolved against `<base href>` or the context's base URL. Relative
/// links resolve against `<base href>` (itself resolved against the context's base URL), else
/// the canonical URL, else the context's base URL. Only absolute `http`, `https` and `file`
/// URLs come out; `javascript:`, `data:` and unresolvable links are dropped.
struct HTMLURLResolver {
    /// The page's canonical URL, if it names one that resolves.
    let canonical: URL?
    /// What relative links resolve against.
    let base: URL?

    static let schemes: Set<String> = ["http", "https", "file"]

    init(page: HTMLPageMetadata, contextBase: URL?) {
        let baseHref = Self.absolute(page.baseHref, relativeTo: contextBase)
        let declared = [page.canonical, page.meta("og:url"), page.linkedData.url]
        canonical = declared.lazy.compactMap { Self.absolute($0, relativeTo: baseHref ?? contextBase) }.first
        base = baseHref ?? canonical ?? contextBase
    }

    /// `raw` made absolute against ``base``, or nil.
    func resolve(_ raw: String) -> URL? {
        Self.absolute(raw, relativeTo: base)
    }

    /// `raw` as an absolute URL with an accepted scheme, written out in full (not relative).
    static func absolute(_ raw: String?, relativeTo base: URL?) -> URL? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let escaped = trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
        guard let url = URL(string: trimmed, relativeTo: base) ?? URL(string: escaped, relativeTo: base),
            let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
            scheme == "file" || url.host?.isEmpty == false
        else { return nil }
        return URL(string: url.absoluteString)
    }

    /// Characters kept as they are when a URL with spaces or non-ASCII text is escaped.
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#%[]")
        return set
    }()
}
