import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("SlackClient: retract and update")
struct SlackRevisionTests {
    static func client(_ transport: DryRunTransport) throws -> SlackClient {
        try SlackClient(
            settings: AccountSettings(network: .slack, account: "school", values: ["WEBHOOK_URL": SlackClientTests.webhook]),
            environment: DryRunHarness.environment(transport))
    }

    @Test("an incoming webhook can neither delete nor edit; the reason says to delete the message by hand in Slack, without the webhook URL")
    func reason() throws {
        let support = try Self.client(DryRunTransport()).revisionSupport
        #expect(!support.retract.isSupported && !support.edit.isSupported)
        guard case .unsupported(let reason) = support.retract else {
            Issue.record("expected a reason")
            return
        }
        #expect(support.edit == support.retract)
        #expect(reason.contains("incoming webhooks cannot delete or edit"))
        #expect(reason.contains("Delete the message by hand in Slack"))
        #expect(reason.contains("workspace owner or admin"))
        #expect(!reason.contains("slack-secret-webhook-token") && !reason.contains("hooks.slack.com"))
        #expect(!reason.contains("--"))
    }

    @Test("retract and edit throw .unsupported with that reason as the fix, and send nothing")
    func nothingSent() async throws {
        let transport = DryRunTransport()
        let client = try Self.client(transport)
        let copy = PostedCopy(network: .slack, account: "school", remoteID: "syndicate-key")
        do {
            try await client.retract(copy)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .unsupported)
            #expect(error.fix.contains("by hand in Slack"))
            #expect(!error.description.contains("slack-secret-webhook-token"))
        }
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .slack)
        do {
            _ = try await client.edit(copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .unsupported)
            #expect(error.fix.contains("by hand in Slack"))
        }
        #expect(await transport.requests.isEmpty)
    }
}
