import Foundation
import Syndicate

/// The HTTP headers a feedparser fixture says it was served with (`Header: Content-type: …`
/// lines in its leading comment), so that each fixture is imported as a fetched feed would be:
/// the `Content-Type` charset as ``ImportContext/declaredCharset``, `Content-Location` as the
/// base URL.
enum FeedFixtureHeaders {
    /// The context for the fixture at `path` whose bytes are `data`.
    static func context(for path: String, data: Data) -> ImportContext {
        var context = ImportContext(inputName: path)
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        for line in head.split(whereSeparator: \.isNewline) {
            guard line.hasPrefix("Header:") else { continue }
            let header = line.dropFirst("Header:".count).trimmingCharacters(in: .whitespaces)
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-type" {
                context.declaredCharset = ImportContext.charset(inContentType: value)
            } else if name == "content-location" {
                context.baseURL = URL(string: value)
            }
        }
        return context
    }
}
