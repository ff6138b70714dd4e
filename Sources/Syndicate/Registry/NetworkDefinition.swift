import Foundation

/// Everything Syndicate knows about one network, in one place: how it counts, how a post is
/// written for it, its share-intent link, its settings, its API client, what a dry run answers
/// for it, and how long it remembers an idempotency key.
///
/// Each built-in network has one definition in its own folder (`Networks/X/XNetwork.swift`),
/// listed in ``NetworkRegistry/builtIn``. To post somewhere Syndicate does not know, conform a
/// type of your own and register it:
///
/// ```swift
/// struct IntranetNetwork: NetworkDefinition {
///     let network = SocialNetwork("intranet", displayName: "Intranet")
///     var rule: NetworkRule { NetworkRule(network: network, limit: 2000, counter: .codePoints) }
///     let defaultTemplate = "{title}\n\n{summary}\n\n{link}"
///     let placeholderSettings = ["WEBHOOK_URL": "https://intranet.example/hooks/dry-run"]
///     func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
///         try IntranetClient(settings: settings, environment: environment)
///     }
/// }
/// var configuration = ComposerConfiguration()
/// configuration.networks = NetworkRegistry.builtIn.registering(IntranetNetwork())
/// ```
///
/// Every requirement but ``network``, ``rule``, ``defaultTemplate`` and
/// ``makeClient(settings:environment:)`` has a default that suits a plain-text network.
public protocol NetworkDefinition: Sendable {
    /// The network this definition describes.
    var network: SocialNetwork { get }
    /// Other names the command line and config files accept for the network (X: `twitter`).
    var aliases: [String] { get }

    // MARK: Writing

    /// The length rule with the network's default limits.
    var rule: NetworkRule { get }
    /// The source of the ``PostTemplate`` used unless the configuration names another.
    var defaultTemplate: String { get }
    /// The most sentences of summary by default.
    var defaultSentenceMaximum: Int { get }
    /// The most hashtags by default (0: none).
    var defaultHashtagMaximum: Int { get }
    /// Whether a long post may become a numbered thread when threading is on.
    var supportsThreads: Bool { get }
    /// Whether words of the summary may be tagged in place (`#Ofsted`) when the hashtag policy
    /// asks for it.
    var supportsInlineHashtags: Bool { get }

    /// `value` (plain text from the post) escaped for the network's text format.
    func escape(_ value: String) -> String
    /// A template's own literal text as the network's format needs it.
    func literal(_ text: String) -> String
    /// The `{link}` value for `url`; `title` labels it where the format has link labels.
    func link(_ url: URL, title: String) -> String
    /// One hashtag (a word without `#`) as the network's text writes it.
    func hashtag(_ tag: String) -> String
    /// The hashtags the network takes from `candidates` (highest priority first), at most `maximum`.
    func hashtags(from candidates: [String], maximum: Int) -> [String]

    /// The images the network takes (how many, how large, which formats, alt text, upload or
    /// public URL); nil when it takes none. The composer chooses ``SharePayload/images`` by it
    /// before ``addFields(to:context:)``, and clients fit each image to it.
    var imageLimits: ImageLimits? { get }
    /// Adds the network's own fields (cards, facets, markup modes) to a composed payload, whose
    /// ``SharePayload/images`` are already chosen.
    func addFields(to payload: inout SharePayload, context: inout PayloadContext)
    /// Finishes a part of a thread (Bluesky: the part's facets); called for every part.
    func finishThreadPart(_ part: inout SharePayload.ThreadPart)

    /// The network's share-intent link for a post, or nil when it has none.
    func shareIntent(_ context: ShareIntentContext) -> ShareIntent?

    // MARK: Delivering

    /// Stand-in settings for a dry run without credentials, by setting name.
    var placeholderSettings: [String: String] { get }
    /// The placeholders to add to `settings` for a dry run (by default every one it lacks).
    func missingPlaceholders(in settings: AccountSettings) -> [String: String]
    /// The network's settings that are not secret (addresses, ids, options) besides
    /// ``AccountSettings/publicSettings``; every other value is redacted wherever it is shown.
    var publicSettings: Set<String> { get }
    /// The client that posts to one account of the network.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the setting, or `.invalidConfiguration`.
    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient
    /// The success answer a dry run gives `request` when it goes to this network's API, or nil
    /// when the request is not this network's; `number` makes ids unique within a run.
    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse?
    /// How long the network remembers an idempotency key; nil for as long as the post exists
    /// (or when it has none).
    var idempotencyKeyLifetime: Duration? { get }
}

extension NetworkDefinition {
    public var aliases: [String] { [] }
    public var defaultSentenceMaximum: Int { 2 }
    public var defaultHashtagMaximum: Int { 0 }
    public var supportsThreads: Bool { false }
    public var supportsInlineHashtags: Bool { true }
    public func escape(_ value: String) -> String { value }
    public func literal(_ text: String) -> String { text }
    public func link(_ url: URL, title: String) -> String { url.absoluteString }
    public func hashtag(_ tag: String) -> String { "#" + tag }
    public func hashtags(from candidates: [String], maximum: Int) -> [String] { Array(candidates.prefix(max(0, maximum))) }
    public var imageLimits: ImageLimits? { nil }
    public func addFields(to payload: inout SharePayload, context: inout PayloadContext) {}
    public func finishThreadPart(_ part: inout SharePayload.ThreadPart) {}
    public func shareIntent(_ context: ShareIntentContext) -> ShareIntent? { nil }
    public var placeholderSettings: [String: String] { [:] }
    public func missingPlaceholders(in settings: AccountSettings) -> [String: String] {
        placeholderSettings.filter { settings.value($0.key) == nil }
    }
    public var publicSettings: Set<String> { [] }
    public func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? { nil }
    public var idempotencyKeyLifetime: Duration? { nil }
}
