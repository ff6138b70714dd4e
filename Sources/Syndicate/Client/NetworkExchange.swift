import Foundation
import Logging

/// What every client does around a request: send it through the transport with logging (the
/// request redacted), turn transport failures into ``DeliveryError``, and classify error
/// responses the way most networks mean them. Clients refine the classification (duplicates,
/// their own error bodies) before falling back on ``error(for:)``.
package struct NetworkExchange: Sendable {
    package let network: SocialNetwork
    package let account: String
    package let environment: DeliveryEnvironment
    package let redactor: Redactor

    package init(network: SocialNetwork, account: String, environment: DeliveryEnvironment, secrets: [String]) {
        self.network = network
        self.account = account
        self.environment = environment
        self.redactor = Redactor(secrets: secrets)
    }

    /// Sends `request`; every response, whatever its status, is returned.
    package func send(_ request: HTTPRequest) async throws(DeliveryError) -> HTTPResponse {
        let shown = redactor.redact(url: request.url)
        let metadata: Logger.Metadata = ["network": "\(network.rawValue)", "account": "\(account)"]
        environment.logger.debug("→ \(request.method) \(shown)", metadata: metadata)
        let response: HTTPResponse
        do {
            response = try await environment.transport.send(request)
        } catch let error as HTTPTransportError {
            environment.logger.notice("✕ \(request.method) \(shown): \(redactor.redact(error.description))", metadata: metadata)
            throw transportError(error)
        } catch is CancellationError {
            throw transportError(HTTPTransportError(.cancelled, "cancelled"))
        } catch {
            let message = redactor.redact(String(describing: error))
            environment.logger.notice("✕ \(request.method) \(shown): \(message)", metadata: metadata)
            throw transportError(HTTPTransportError(.connectionLost, message))
        }
        environment.logger.debug("← \(response.status) \(request.method) \(shown)", metadata: metadata)
        return response
    }

    /// The ``DeliveryError`` for a transport failure.
    /// The ``Delivery`` of a post, with any declared secret that a response carried into its ids
    /// or address replaced (a server echoing a token into a permalink must not put it in the
    /// ledger or the report; the fuzzer found that a Threads permalink could).
    ///
    /// - Throws: `.unexpectedResponse` when the network answered success without an id (the
    ///   fuzzer found a Discord answer with `"id":""`): the post may exist, but there is nothing
    ///   to record it by.
    package func delivery(remoteID: String, url: URL?, partIDs: [String] = []) throws(DeliveryError) -> Delivery {
        guard !remoteID.allSatisfy(\.isWhitespace) else {
            throw DeliveryError(
                .unexpectedResponse, network: network, account: account,
                message: "a success answer without the post's id; check the account's page before posting again",
                mayHaveReachedNetwork: true)
        }
        let shownURL = url.flatMap { url in
            redactor.redact(url.absoluteString) == url.absoluteString ? url : nil
        }
        return Delivery(
            network: network, account: account, remoteID: redactor.redact(remoteID), url: shownURL,
            partIDs: partIDs.map(redactor.redact))
    }

    package func transportError(_ error: HTTPTransportError) -> DeliveryError {
        switch error.kind {
        case .timedOut:
            DeliveryError(
                .timeout, network: network, account: account,
                message: "no answer within the timeout (\(redactor.redact(error.message)))")
        case .connectionFailed:
            DeliveryError(
                .transport, network: network, account: account,
                message: "could not connect (\(redactor.redact(error.message)))", mayHaveReachedNetwork: false)
        case .connectionLost, .cancelled:
            DeliveryError(
                .transport, network: network, account: account,
                message: "the connection broke before an answer (\(redactor.redact(error.message)))")
        default:
            DeliveryError(
                .transport, network: network, account: account,
                message: "the transport failed (\(redactor.redact(error.description)))",
                mayHaveReachedNetwork: error.mayHaveReachedServer)
        }
    }

    /// The error for an unsuccessful `response` by its status alone; `networkMessage` is the
    /// network's own words (redacted here).
    package func error(for response: HTTPResponse, networkMessage: String?) -> DeliveryError {
        let said = networkMessage.map(redactor.redact)
        let status = response.status
        switch status {
        case 401:
            return DeliveryError(
                .unauthorized, network: network, account: account, message: "the credentials were refused",
                status: status, networkMessage: said)
        case 403:
            return DeliveryError(
                .forbidden, network: network, account: account, message: "the account may not post this",
                status: status, networkMessage: said)
        case 429:
            return DeliveryError(
                .rateLimited, network: network, account: account, message: "rate limited", status: status,
                networkMessage: said, retryAfter: RateLimitReset.date(from: response, now: environment.now()),
                mayHaveReachedNetwork: false)
        case 500...:
            return DeliveryError(
                .serverError, network: network, account: account, message: "the server failed", status: status,
                networkMessage: said, retryAfter: RateLimitReset.date(from: response, now: environment.now()))
        case 400..<500:
            return DeliveryError(
                .invalidPayload, network: network, account: account, message: "the request was rejected",
                status: status, networkMessage: said)
        default:
            return unexpected(response, "an unexpected HTTP status")
        }
    }

    /// The error for a response the client cannot read.
    package func unexpected(_ response: HTTPResponse, _ what: String) -> DeliveryError {
        DeliveryError(
            .unexpectedResponse, network: network, account: account, message: what, status: response.status,
            networkMessage: String(redactor.redact(response.text).prefix(200)))
    }

    /// `response`'s body decoded as `T`, or `.unexpectedResponse`.
    package func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(DeliveryError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw unexpected(response, "an answer that is not the \(network.displayName) API's")
        }
    }

    /// A JSON object field of the body, when the body is a JSON object.
    package static func jsonObject(_ response: HTTPResponse) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }
}
