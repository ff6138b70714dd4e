import Foundation

extension Post: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, title, url, summary, text, paragraphs, markup, tags, author, published, updated, images, source,
            language, siteName
    }

    /// Decodes a post from its own JSON form. `id` and `title` are required; `text` is ignored
    /// (it is derived from `paragraphs`); dates are ISO 8601 strings, with or without fractional seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            url: try container.decodeIfPresent(URL.self, forKey: .url),
            summary: try container.decodeIfPresent(String.self, forKey: .summary),
            paragraphs: try container.decodeIfPresent([String].self, forKey: .paragraphs) ?? [],
            markup: try container.decodeIfPresent(Markup.self, forKey: .markup),
            author: try container.decodeIfPresent(String.self, forKey: .author),
            published: try Post.decodeDate(container, .published),
            updated: try Post.decodeDate(container, .updated),
            tags: try container.decodeIfPresent([String].self, forKey: .tags) ?? [],
            images: try container.decodeIfPresent([Image].self, forKey: .images) ?? [],
            source: try container.decodeIfPresent(Source.self, forKey: .source),
            language: try container.decodeIfPresent(String.self, forKey: .language),
            siteName: try container.decodeIfPresent(String.self, forKey: .siteName)
        )
    }

    /// Encodes every key, writing `null` for a missing value and dates as ISO 8601 strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(url, forKey: .url)
        try container.encode(summary, forKey: .summary)
        try container.encode(text, forKey: .text)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(markup, forKey: .markup)
        try container.encode(tags, forKey: .tags)
        try container.encode(author, forKey: .author)
        try container.encode(published.map(ISO8601.string(from:)), forKey: .published)
        try container.encode(updated.map(ISO8601.string(from:)), forKey: .updated)
        try container.encode(images, forKey: .images)
        try container.encode(source, forKey: .source)
        try container.encode(language, forKey: .language)
        try container.encode(siteName, forKey: .siteName)
    }

    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date? {
        guard let string = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = DateParsing.date(from: string) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "'\(string)' is not an ISO 8601 date; write it as 2024-03-09T10:00:00Z."
            )
        }
        return date
    }
}

/// ISO 8601 formatting shared by the model and the CLI.
enum ISO8601 {
    /// Formats `date` as `2024-03-09T10:00:00Z` (UTC, whole seconds unless a fraction is present).
    static func string(from date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down)
        if whole == date.timeIntervalSince1970 {
            return Date(timeIntervalSince1970: whole).formatted(.iso8601)
        }
        return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
