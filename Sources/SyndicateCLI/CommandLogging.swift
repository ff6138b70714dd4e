import Foundation
import Logging
import Syndicate

/// The logger commands hand to the library: standard error, warnings and worse unless
/// `--verbose` asks for every (redacted) request.
enum CommandLogging {
    /// A logger writing to standard error at `.debug` when `verbose`, else `.warning`.
    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "syndicate", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

/// The clock commands hand to the library: the real one, or the fixed instant in
/// `SYNDICATE_NOW` (ISO 8601), so that a dry run's output (Bluesky's `createdAt`, OAuth
/// timestamps) can be reproduced byte for byte in golden tests and bug reports.
enum CommandClock {
    /// The current time, or `SYNDICATE_NOW` when set and valid.
    static let now: @Sendable () -> Date = {
        if let text = ProcessInfo.processInfo.environment["SYNDICATE_NOW"], let fixed = DateParsing.date(from: text) {
            return { fixed }
        }
        return { Date() }
    }()
}
