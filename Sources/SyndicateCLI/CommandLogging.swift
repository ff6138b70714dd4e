import Foundation
import Logging

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
