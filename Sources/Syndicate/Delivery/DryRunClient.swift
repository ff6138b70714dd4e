import Foundation

/// A client for a dry run: the account's settings with every missing one filled by a
/// placeholder (so that no credentials are needed), its own recording ``DryRunTransport``, and
/// the ``Redactor`` that hides its secrets when the recorded requests are shown.
///
/// ```swift
/// let dryRuns = try settings.map { settings throws(DeliveryError) in try DryRunClient(settings: settings) }
/// _ = await CrossPoster(environment: environment).deliver(post, to: dryRuns.map(\.client))
/// for dryRun in dryRuns { print(await dryRun.takeRequests()) }   // what would have been sent
/// ```
public struct DryRunClient: Sendable {
    /// The settings used: the account's, with placeholders for what was missing
    /// (``AccountSettings/fillingPlaceholders()``).
    public let settings: AccountSettings
    /// The client, sending through ``transport``.
    public let client: any NetworkClient
    /// Records the client's requests and answers them as the network would on success.
    public let transport: DryRunTransport
    /// Hides the client's and the settings' secrets.
    public let redactor: Redactor

    /// Builds the client of `settings` over a new ``DryRunTransport``.
    ///
    /// - Parameters:
    ///   - settings: The account; missing settings are filled with placeholders.
    ///   - environment: The logger, clock, nonces and waits the client uses; its transport is
    ///     replaced by the recording one.
    ///   - networks: Where the network's placeholders, client and dry-run answers come from.
    /// - Throws: ``DeliveryError`` `.invalidConfiguration` for settings that are given but
    ///   wrong (placeholders fill only what is missing).
    public init(
        settings: AccountSettings, environment: DeliveryEnvironment = DeliveryEnvironment(transport: DryRunTransport()),
        networks: NetworkRegistry = .builtIn
    ) throws(DeliveryError) {
        let filled = networks.fillingPlaceholders(settings)
        let transport = DryRunTransport(networks: networks)
        var environment = environment
        environment.transport = transport
        let client = try networks.makeClient(settings: filled, environment: environment)
        self.settings = filled
        self.client = client
        self.transport = transport
        self.redactor = Redactor(secrets: client.secrets + networks.secrets(of: filled))
    }

    /// Builds the client of a placeholder account on `network`, needing no settings at all.
    ///
    /// - Throws: ``DeliveryError`` when the placeholders do not make a client.
    public init(
        network: SocialNetwork, account: String = "default",
        environment: DeliveryEnvironment = DeliveryEnvironment(transport: DryRunTransport()),
        networks: NetworkRegistry = .builtIn
    ) throws(DeliveryError) {
        try self.init(settings: networks.placeholders(for: network, account: account), environment: environment, networks: networks)
    }

    /// The requests recorded since the last call, redacted, oldest first; they are then
    /// forgotten, in one step (a request recorded meanwhile is kept for the next call).
    public func takeRequests() async -> [RedactedRequest] {
        await transport.takeRequests().map(redactor.redact)
    }
}
