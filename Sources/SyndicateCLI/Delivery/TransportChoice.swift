import ArgumentParser
import Foundation
import Syndicate
import SyndicateCurl

#if os(macOS)
    import SyndicateURLSession
#endif

#if AsyncHTTPClientTransport
    import SyndicateAsyncHTTPClient
#endif

/// `--transport` values: the HTTP stack real deliveries go through.
enum TransportChoice: String, ExpressibleByArgument, CaseIterable {
    /// libcurl, loaded when the first request goes out (`CurlTransport`): the default on Linux.
    case curl
    /// Foundation's URLSession: the default on macOS; not linked into the Linux build, where it
    /// would load libcurl's thirty libraries at every start of every command.
    case urlsession
    /// AsyncHTTPClient (SwiftNIO): built only with the `AsyncHTTPClientTransport` trait.
    case asyncHTTPClient = "async-http-client"

    /// The transport used when `--transport` is not given.
    static var standard: TransportChoice {
        #if os(macOS)
            .urlsession
        #else
            .curl
        #endif
    }

    /// `--transport`'s help text.
    static let help = ArgumentHelp(
        "The HTTP transport: curl (the default on Linux), urlsession (the default on macOS) or async-http-client.")

    /// The transport, or a usage error when this build lacks it.
    func transport() throws -> any HTTPTransport {
        switch self {
        case .curl:
            return CurlTransport()
        case .urlsession:
            #if os(macOS)
                return URLSessionTransport()
            #else
                throw ValidationError(
                    "This syndicate does not link URLSession on Linux (it would slow every command's start); use --transport curl, which sends through the same libcurl.")
            #endif
        case .asyncHTTPClient:
            #if AsyncHTTPClientTransport
                return AsyncHTTPClientTransport()
            #else
                throw ValidationError(
                    "This syndicate was built without the AsyncHTTPClient transport. Use --transport \(Self.standard.rawValue), or rebuild with: swift build --traits AsyncHTTPClientTransport")
            #endif
        }
    }
}
