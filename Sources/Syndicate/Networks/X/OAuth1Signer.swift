import Crypto
import Foundation

/// Signs requests with OAuth 1.0a HMAC-SHA1 (RFC 5849 §3.4), as X's user-context auth wants.
///
/// The signature covers the method, the base string URI, the URL's query, the `oauth_*`
/// protocol parameters and, only for `application/x-www-form-urlencoded` bodies, the form
/// fields (§3.4.1.3.1). A JSON body is never part of the signature. Nonce and timestamp come
/// from the caller (``DeliveryEnvironment/nonce`` and ``DeliveryEnvironment/now``), so a
/// signature is reproducible in tests.
package struct OAuth1Signer: Sendable {
    /// The client credentials (consumer key and secret) and the token credentials.
    package struct Credentials: Sendable, Equatable {
        /// `oauth_consumer_key`.
        package var consumerKey: String
        /// The client shared secret.
        package var consumerSecret: String
        /// `oauth_token`; nil for a request signed with the client credentials only.
        package var token: String?
        /// The token shared secret (empty when there is no token).
        package var tokenSecret: String

        /// The settings a user-context signature needs, in the order of ``init(settings:)``
        /// (X and Tumblr name them alike).
        package static let settingNames = ["CONSUMER_KEY", "CONSUMER_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"]

        /// The user-context credentials in `settings`; nil unless all four ``settingNames`` are set.
        package init?(settings: AccountSettings) {
            let values = Self.settingNames.compactMap { settings.value($0) }
            guard values.count == Self.settingNames.count else { return nil }
            self.init(consumerKey: values[0], consumerSecret: values[1], token: values[2], tokenSecret: values[3])
        }

        /// Creates credentials.
        package init(consumerKey: String, consumerSecret: String, token: String?, tokenSecret: String) {
            self.consumerKey = consumerKey
            self.consumerSecret = consumerSecret
            self.token = token
            self.tokenSecret = tokenSecret
        }
    }

    /// The credentials signed with.
    package let credentials: Credentials

    /// Creates a signer.
    package init(credentials: Credentials) {
        self.credentials = credentials
    }

    /// The `Authorization: OAuth …` value for `request`.
    ///
    /// - Parameters:
    ///   - request: The request to sign; its query and (for a form body) its fields are signed.
    ///   - nonce: A fresh `oauth_nonce`.
    ///   - timestamp: The time of the request (`oauth_timestamp`, whole seconds since 1970).
    package func authorization(for request: HTTPRequest, nonce: String, timestamp: Date) -> String {
        let protocolParameters = self.protocolParameters(nonce: nonce, timestamp: timestamp)
        let base = Self.baseString(
            method: request.method.rawValue, url: request.url,
            parameters: protocolParameters + Self.bodyParameters(of: request))
        let parameters = protocolParameters + [("oauth_signature", signature(of: base))]
        return Self.header(parameters)
    }

    /// The `oauth_*` parameters other than the signature, in the order RFC 5849 §1.2 lists them.
    package func protocolParameters(nonce: String, timestamp: Date) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [("oauth_consumer_key", credentials.consumerKey)]
        parameters.append(("oauth_nonce", nonce))
        parameters.append(("oauth_signature_method", "HMAC-SHA1"))
        parameters.append(("oauth_timestamp", String(Int64(timestamp.timeIntervalSince1970.rounded(.down)))))
        if let token = credentials.token { parameters.append(("oauth_token", token)) }
        parameters.append(("oauth_version", "1.0"))
        return parameters
    }

    /// The HMAC-SHA1 of `baseString` keyed with `consumerSecret&tokenSecret` (each encoded),
    /// base64 (RFC 5849 §3.4.2).
    package func signature(of baseString: String) -> String {
        let key = PercentEncoding.encode(credentials.consumerSecret) + "&" + PercentEncoding.encode(credentials.tokenSecret)
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(baseString.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return Data(code).base64EncodedString()
    }

    /// The signature base string (RFC 5849 §3.4.1.1): method, base string URI and normalised
    /// parameters, each encoded, joined by `&`.
    ///
    /// - Parameters:
    ///   - method: The HTTP method, upper case.
    ///   - url: The request URL; its query is decoded and signed with `parameters`.
    ///   - parameters: Protocol and form-body parameters, decoded.
    package static func baseString(method: String, url: URL, parameters: [(name: String, value: String)]) -> String {
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? ""
        let all = PercentEncoding.decodeQuery(query) + parameters.filter { $0.name != "oauth_signature" }
        return [method.uppercased(), PercentEncoding.encode(baseStringURI(url)), PercentEncoding.encode(normalized(all))]
            .joined(separator: "&")
    }

    /// The base string URI (RFC 5849 §3.4.1.2): scheme and host in lower case, the port only
    /// when it is not the scheme's default, the path as sent, no query or fragment.
    package static func baseStringURI(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let scheme = (url.scheme ?? "https").lowercased()
        let host = (url.host ?? "").lowercased()
        var authority = host
        if let port = url.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            authority += ":\(port)"
        }
        let path = components?.percentEncodedPath ?? url.path
        return "\(scheme)://\(authority)\(path.isEmpty ? "/" : path)"
    }

    /// The parameters normalised (RFC 5849 §3.4.1.3.2): names and values encoded, sorted by
    /// name then value in byte order, joined as `name=value&…`.
    package static func normalized(_ parameters: [(name: String, value: String)]) -> String {
        parameters.map { (name: PercentEncoding.encode($0.name), value: PercentEncoding.encode($0.value)) }
            .sorted { lhs, rhs in
                lhs.name == rhs.name
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The `Authorization` header value: `OAuth name="value", …` with names and values encoded.
    package static func header(_ parameters: [(name: String, value: String)]) -> String {
        "OAuth " + parameters.map { "\(PercentEncoding.encode($0.name))=\"\(PercentEncoding.encode($0.value))\"" }
            .joined(separator: ", ")
    }

    /// The form fields of a `application/x-www-form-urlencoded` body, decoded; none for any
    /// other body (JSON is not signed).
    static func bodyParameters(of request: HTTPRequest) -> [(name: String, value: String)] {
        guard let body = request.body,
            request.headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
        else { return [] }
        return PercentEncoding.decodeQuery(String(decoding: body, as: UTF8.self))
    }
}
