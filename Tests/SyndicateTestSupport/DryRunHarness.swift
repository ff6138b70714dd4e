import Foundation
import Syndicate

/// Runs a delivery offline through ``DryRunTransport`` with a fixed clock and nonce, so that the
/// requests are the same on every run and can be compared with golden files.
public enum DryRunHarness {
    /// The fixed time every dry run sees: 2026-01-01T00:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_767_225_600)
    /// The fixed OAuth nonce.
    public static let nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"

    /// An environment over `transport` with the fixed clock and nonce and a sleep that returns at once.
    public static func environment(_ transport: any HTTPTransport) -> DeliveryEnvironment {
        DeliveryEnvironment(transport: transport, now: { now }, nonce: { nonce }, sleep: { _ in })
    }

    /// The first post of the bundled example `name` (in `Examples/Posts/`); `sports-day.md` is
    /// ``Fixtures/sportsDay`` (this library cannot link the Markdown importer).
    public static func examplePost(_ name: String) throws -> Post {
        if name == "sports-day.md" { return Fixtures.sportsDay }
        let data = try Fixtures.exampleData(name)
        let context = Fixtures.context(name)
        guard let importer = Fixtures.importer(sniffing: data, fileName: name),
            let post = try importer.posts(from: data, context: context).first
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return post
    }

    /// Delivers `post` to `settings`' account (placeholders filled in) through a dry-run
    /// transport and returns the delivery and every request, redacted.
    public static func run(
        _ post: Post, settings: AccountSettings, composer: Composer = Composer()
    ) async throws -> (delivery: Delivery, requests: [RedactedRequest]) {
        let transport = DryRunTransport()
        let filled = settings.fillingPlaceholders()
        let client = try NetworkRegistry.builtIn.makeClient(settings: filled, environment: environment(transport))
        let payload = try composer.payload(for: post, on: settings.network)
        let delivery = try await client.deliver(payload, of: post)
        let redactor = Redactor(secrets: client.secrets + NetworkRegistry.builtIn.secrets(of: filled))
        return (delivery, await transport.requests.map(redactor.redact))
    }
}
