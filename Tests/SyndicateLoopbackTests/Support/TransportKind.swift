import Foundation
import Syndicate
import SyndicateCurl
import SyndicateURLSession
import Testing

#if AsyncHTTPClientTransport
    import AsyncHTTPClient
    import SyndicateAsyncHTTPClient
#endif

/// The real transports this build has: URLSession and libcurl always, AsyncHTTPClient with the trait.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession
    case curl
    #if AsyncHTTPClientTransport
        case asyncHTTPClient
    #endif

    /// A fresh transport (a new URLSession, so no connection is reused from another test).
    func make() -> any HTTPTransport {
        switch self {
        case .urlSession:
            URLSessionTransport()
        case .curl:
            CurlTransport()
        #if AsyncHTTPClientTransport
            case .asyncHTTPClient:
                AsyncHTTPClientTransport()
        #endif
        }
    }

    /// Whether response headers come back in the order the server sent them. URLSession hands
    /// them over as a dictionary, so their order is lost.
    var keepsResponseHeaderOrder: Bool { self != .urlSession }

    var testDescription: String { rawValue }
}
