import Foundation

/// Resolves the links a feed writes (absolute, relative, with stray spaces) to absolute URLs.
enum FeedURL {
    /// The absolute `http`/`https` URL `text` denotes, resolved against `base` when relative;
    /// nil when it is empty, unparseable, of another scheme, or relative with no base.
    static func resolve(_ text: String, against base: URL?) -> URL? {
        let trimmed = Whitespace.collapse(text)
        guard !trimmed.isEmpty else { return nil }
        let candidate =
            URL(string: trimmed)
            ?? trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"]))
            .flatMap { URL(string: $0) }
        guard let url = candidate else { return nil }
        let absolute: URL
        if url.scheme != nil {
            absolute = url
        } else if let base, let resolved = URL(string: url.relativeString, relativeTo: base)?.absoluteURL {
            absolute = resolved
        } else {
            return nil
        }
        guard let scheme = absolute.scheme?.lowercased(), scheme == "http" || scheme == "https",
            absolute.host?.isEmpty == false
        else { return nil }
        return absolute
    }
}
