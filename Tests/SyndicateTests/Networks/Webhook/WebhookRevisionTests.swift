import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("WebhookClient: retract and update")
struct WebhookRevisionTests {
    static func client(_ transport: DryRunTransport) throws -> WebhookClient {
        try WebhookClient(
            settings: AccountSettings(network: .webhook, account: "school", values: ["WEBHOOK_URL": WebhookClientTests.webhook]),
            environment: DryRunHarness.environment(transport))
    }

    @Test("a webhook can neither delete nor edit; the reason says the receiving service must be told by hand, without the URL")
    func reason() throws {
        let support = try Self.client(DryRunTransport()).revisionSupport
        #expect(!support.retract.isSupported && !support.edit.isSupported)
        guard case .unsupported(let reason) = support.retract else {
            Issue.record("expected a reason")
            return
        }
        #expect(support.edit == support.retract)
        #expect(reason.contains("Tell whoever runs the receiving service"))
        #expect(reason.contains("post's id and URL"))
        #expect(!reason.contains("webhook-secret-path") && !reason.contains("automation.example"))
        #expect(!reason.contains("--"))
    }

    @Test("retract and edit throw .unsupported with that reason as the fix, and send nothing")
    func nothingSent() async throws {
        let transport = DryRunTransport()
        let client = try Self.client(transport)
        let copy = PostedCopy(network: .webhook, account: "school", remoteID: "42")
        do {
            try await client.retract(copy)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .unsupported)
            #expect(error.fix.contains("receiving service"))
            #expect(!error.description.contains("webhook-secret-path"))
        }
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .webhook)
        do {
            _ = try await client.edit(copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .unsupported)
            #expect(error.fix.contains("receiving service"))
        }
        #expect(await transport.requests.isEmpty)
    }
}
