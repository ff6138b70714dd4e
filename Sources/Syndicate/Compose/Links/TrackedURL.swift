import Foundation

/// String surgery on a URL's query that keeps every other part byte for byte.
enum TrackedURL {
    /// Click identifiers that ad and mail platforms append to links.
    static let clickIdentifiers: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"]

    /// Whether the lower-cased parameter `name` is a tracking parameter.
    static func isTrackingParameter(_ name: String) -> Bool {
        name.hasPrefix("utm_") || clickIdentifiers.contains(name)
    }

    /// `url` with the query parameters whose lower-cased, decoded name satisfies `replacing`
    /// removed, and `items` appended (encoded) after the rest; nil-safe: a URL that cannot be
    /// rebuilt is returned unchanged.
    static func appending(
        _ items: [(name: String, value: String)], to url: URL, replacing: (String) -> Bool
    ) -> URL {
        let string = url.absoluteString
        guard url.scheme != nil, url.host != nil else { return url }
        var rest = Substring(string)
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var parameters: [Substring] = query.split(separator: "&", omittingEmptySubsequences: true).filter {
            let rawName = $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let name = (String(rawName).removingPercentEncoding ?? String(rawName)).lowercased()
            return !replacing(name)
        }
        if parameters.isEmpty && items.isEmpty && query.isEmpty { return url }
        parameters.append(contentsOf: items.map { Substring("\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))") })
        var result = String(rest)
        if !parameters.isEmpty {
            result += "?" + parameters.joined(separator: "&")
        }
        if let fragment {
            result += "#" + fragment
        }
        return URL(string: result) ?? url
    }
}
