import Foundation

/// When a rate-limited request may be tried again, read from the many ways networks say it.
///
/// In order: `Retry-After` (seconds or an HTTP date); `x-rate-limit-reset` (X, Unix seconds);
/// `X-RateLimit-Reset` (Mastodon, an ISO 8601 time; Discord, Unix seconds); `RateLimit-Reset`
/// (Bluesky, Unix seconds; the IETF draft's delta seconds when the number is small);
/// `X-RateLimit-Reset-After` (Discord, seconds); and a body's `retry_after` (Discord, seconds)
/// or `parameters.retry_after` (Telegram, seconds); Meta's `X-Business-Use-Case-Usage` /
/// `X-App-Usage` `estimated_time_to_regain_access` (Facebook, Threads, minutes).
public enum RateLimitReset {
    /// The time after which `response` says to try again, or nil when it says nothing.
    ///
    /// - Parameters:
    ///   - response: A 429 (or 503) response.
    ///   - now: The current time, for relative values.
    public static func date(from response: HTTPResponse, now: Date) -> Date? {
        let headers = response.headers
        if let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(value) { return now.addingTimeInterval(max(0, seconds)) }
            if let date = DateParsing.date(from: value) { return date }   // an HTTP date
        }
        for name in ["x-rate-limit-reset", "X-RateLimit-Reset", "RateLimit-Reset"] {
            guard let value = headers[name]?.trimmingCharacters(in: .whitespaces) else { continue }
            if let number = Double(value) {
                // Epoch seconds are large; the IETF draft's delta seconds are small.
                return number > 1_000_000_000 ? Date(timeIntervalSince1970: number) : now.addingTimeInterval(max(0, number))
            }
            if let date = DateParsing.date(from: value) { return date }
        }
        if let value = headers["X-RateLimit-Reset-After"], let seconds = Double(value) {
            return now.addingTimeInterval(max(0, seconds))
        }
        // Meta's Graph API (Facebook, Threads): usage headers carry minutes until access returns.
        for name in ["X-Business-Use-Case-Usage", "X-App-Usage", "X-Ad-Account-Usage"] {
            if let minutes = headers[name].flatMap(estimatedMinutes) { return now.addingTimeInterval(minutes * 60) }
        }
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            if let seconds = number(object["retry_after"]) { return now.addingTimeInterval(max(0, seconds)) }
            if let parameters = object["parameters"] as? [String: Any], let seconds = number(parameters["retry_after"]) {
                return now.addingTimeInterval(max(0, seconds))
            }
        }
        return nil
    }

    /// The largest `estimated_time_to_regain_access` (minutes) anywhere in a Graph usage header's
    /// JSON, when it is above zero.
    private static func estimatedMinutes(_ header: String) -> Double? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(header.utf8)) else { return nil }
        func search(_ value: Any) -> Double? {
            if let map = value as? [String: Any] {
                let own = number(map["estimated_time_to_regain_access"])
                return ([own] + map.values.map(search)).compactMap { $0 }.max()
            }
            if let list = value as? [Any] { return list.compactMap(search).max() }
            return nil
        }
        return search(object).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String { return Double(text) }
        return nil
    }
}
