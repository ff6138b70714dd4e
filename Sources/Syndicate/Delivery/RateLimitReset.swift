import Foundation

/// When a rate-limited request may be tried again, read from the many ways networks say it.
///
/// In order: `Retry-After` (seconds or an HTTP date); `x-rate-limit-reset` (X, Unix seconds);
/// `X-RateLimit-Reset` (Mastodon, an ISO 8601 time; Discord, Unix seconds); `RateLimit-Reset`
/// (Bluesky, Unix seconds; the IETF draft's delta seconds when the number is small);
/// `X-RateLimit-Reset-After` (Discord, seconds); and a body's `retry_after` (Discord, seconds)
/// or `parameters.retry_after` (Telegram, seconds).
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
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            if let seconds = number(object["retry_after"]) { return now.addingTimeInterval(max(0, seconds)) }
            if let parameters = object["parameters"] as? [String: Any], let seconds = number(parameters["retry_after"]) {
                return now.addingTimeInterval(max(0, seconds))
            }
        }
        return nil
    }

    private static func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String { return Double(text) }
        return nil
    }
}
