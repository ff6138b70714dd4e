import ArgumentParser
import Foundation
import Syndicate

#if AsyncHTTPClientTransport
    import SyndicateAsyncHTTPClient
#endif

/// `--transport` values: the HTTP stack real deliveries go through.
enum TransportChoice: String, ExpressibleByArgument, CaseIterable {
    /// Foundation's URLSession (libcurl on Linux): always built.
    case urlsession
    /// AsyncHTTPClient (SwiftNIO): built only with the `AsyncHTTPClientTransport` trait.
    case asyncHTTPClient = "async-http-client"

    /// The transport, or a usage error when this build lacks it.
    func transport() throws -> any HTTPTransport {
        switch self {
        case .urlsession:
            return URLSessionTransport()
        case .asyncHTTPClient:
            #if AsyncHTTPClientTransport
                return AsyncHTTPClientTransport()
            #else
                throw ValidationError(
                    "This syndicate was built without the AsyncHTTPClient transport. Use --transport urlsession, or rebuild with: swift build --traits AsyncHTTPClientTransport")
            #endif
        }
    }
}
