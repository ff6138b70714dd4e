import Foundation
import Testing

@testable import Syndicate

/// The network's own words in an error are redacted before they are shortened, so that a
/// secret straddling the cut leaves no prefix of itself behind.
@Suite struct NetworkExchangeRedactionTests {
    @Test(arguments: [190, 195, 198, 199, 200])
    func aSecretAcrossTheCutIsRedactedWhole(offset: Int) {
        let secret = "tb-access-token-3-secret"
        let exchange = NetworkExchange(
            network: .tumblr, account: "school", environment: DeliveryEnvironment(transport: DryRunTransport()),
            secrets: [secret])
        let body = String(repeating: "x", count: offset) + secret + " trailing"
        let error = exchange.unexpected(HTTPResponse(status: 201, body: Data(body.utf8)), "an answer it cannot read")
        let said = error.networkMessage ?? ""
        #expect(said.count <= 200)
        // No prefix of the secret of 4 characters or more survives.
        #expect(!said.contains(String(secret.prefix(4))), "\(said.suffix(30))")
        #expect(!error.description.contains(String(secret.prefix(4))))
    }
}
