import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("ThreadsClient")
struct ThreadsClientTests {
    let settings = AccountSettings(
        network: .threads, account: "school", values: ["USER_ID": "17841400000000000", "ACCESS_TOKEN": "th-access-token-c0ffee"])

    /// The example article as a text post: its images are left out here (the image tests below
    /// keep them).
    func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try Composer().payload(for: post, on: .threads)
        payload.images = []
        return (post, payload)
    }

    func fields(_ request: HTTPRequest) -> [(name: String, value: String)] {
        PercentEncoding.decodeQuery(String(decoding: request.body ?? Data(), as: UTF8.self))
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .threads, values: [:]))
        // The article's two public images make a carousel: two items, the carousel, its status, publish, permalink.
        #expect(delivery.remoteID == "18000000000000005")
        #expect(delivery.url?.absoluteString == "https://graph.threads.net/dry-run/18000000000000005")
        #expect(delivery.mediaIDs == ["17000000000000001", "17000000000000002"])
        #expect(requests.count == 6)
        #expect(requests[3].url == "https://graph.threads.net/v1.0/17000000000000003?fields=status%2Cerror_message&access_token=REDACTED")
        #expect(requests.last?.url == "https://graph.threads.net/v1.0/18000000000000005?fields=permalink&access_token=REDACTED")
        assertGolden(
            try Golden.render(requests), named: "dry-run-threads-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("dry-run requests for the sports-day post match the golden: its local images are left out with warnings")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .threads, values: [:]))
        // The composer leaves the local files out (the network fetches images by URL) and says so.
        let payload = try Composer().payload(for: post, on: .threads)
        #expect(payload.images.isEmpty)
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.map(\.message).allSatisfy { $0.contains("fetches images from their web address") })
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
        #expect(payload.warnings.first { $0.code == .imageLeftOut }?.message.contains("sports-day-relay.jpg") == true)
        #expect(requests.count == 4)
        #expect(requests.first?.body?.hasPrefix("media_type=TEXT&") == true)
        #expect(delivery.mediaIDs.isEmpty)
        #expect(delivery.warnings.isEmpty)
        assertGolden(try Golden.render(requests), named: "dry-run-threads-sports-day-md", target: "SyndicateTests")
    }

    /// The example article with `images` (public URLs) in its payload.
    func payload(images: [Post.Image]) throws -> (Post, SharePayload) {
        let (post, text) = try payload()
        var payload = text
        payload.images = images
        return (post, payload)
    }

    static let relay = Post.Image(url: URL(string: "https://school.example/images/relay.jpg")!, alt: "Year 6 running the relay")
    static let medals = Post.Image(url: URL(string: "https://school.example/images/medals.png")!, alt: "Three pupils holding medals")

    @Test("one image: an IMAGE container with image_url, alt_text, text and topic tag, no link_attachment")
    func oneImage() async throws {
        let transport = DryRunTransport()
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload(images: [Self.relay])
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.count == 4)
        let container = fields(requests[0])
        #expect(container.map(\.name) == ["media_type", "image_url", "alt_text", "text", "topic_tag", "access_token"])
        #expect(container.map(\.value) == ["IMAGE", "https://school.example/images/relay.jpg", "Year 6 running the relay", payload.text, "Ofsted", "th-access-token-c0ffee"])
        #expect(fields(requests[2]).first?.value == "17000000000000001")
        #expect(delivery.mediaIDs.isEmpty)
        #expect(delivery.warnings.isEmpty)
    }

    @Test("two images: an item container each, then a CAROUSEL with their ids as children, which is checked and published")
    func carousel() async throws {
        let transport = DryRunTransport()
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload(images: [Self.relay, Self.medals])
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.count == 6)
        #expect(fields(requests[0]).map(\.name) == ["media_type", "image_url", "alt_text", "is_carousel_item", "access_token"])
        #expect(fields(requests[0]).map(\.value) == ["IMAGE", "https://school.example/images/relay.jpg", "Year 6 running the relay", "true", "th-access-token-c0ffee"])
        #expect(fields(requests[1]).map(\.value) == ["IMAGE", "https://school.example/images/medals.png", "Three pupils holding medals", "true", "th-access-token-c0ffee"])
        #expect(fields(requests[2]).map(\.name) == ["media_type", "children", "text", "topic_tag", "access_token"])
        #expect(fields(requests[2]).map(\.value) == ["CAROUSEL", "17000000000000001,17000000000000002", payload.text, "Ofsted", "th-access-token-c0ffee"])
        #expect(requests[3].url.absoluteString.contains("/v1.0/17000000000000003?fields=status"))
        #expect(fields(requests[4]).map(\.value) == ["17000000000000003", "th-access-token-c0ffee"])
        #expect(delivery.mediaIDs == ["17000000000000001", "17000000000000002"])
    }

    @Test("an image without alt text goes without alt_text; a local file is left out with a warning")
    func altAndLocalFiles() async throws {
        let transport = DryRunTransport()
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let bare = Post.Image(url: URL(string: "https://school.example/images/field.jpg")!, alt: nil)
        let local = Post.Image(url: URL(fileURLWithPath: "/tmp/sports-day-relay.jpg"), alt: "Relay")
        let (post, payload) = try payload(images: [local, bare])
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(fields(requests[0]).map(\.name) == ["media_type", "image_url", "text", "topic_tag", "access_token"])
        #expect(delivery.warnings.count == 1)
        #expect(delivery.warnings.first?.contains("sports-day-relay.jpg") == true)
    }

    @Test("a carousel container in ERROR names the images and publishes nothing")
    func imageDownloadFailed() async throws {
        let transport = statusScript([#"{"id":"1","status":"ERROR","error_message":"FAILED_DOWNLOADING_IMAGE"}"#])
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload(images: [Self.relay, Self.medals])
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.category == .invalidPayload)
            #expect(error.message.contains("https://school.example/images/relay.jpg, https://school.example/images/medals.png"))
            #expect(error.message.contains("FAILED_DOWNLOADING_IMAGE"))
            #expect(error.fix.contains("JPEG or PNG"))
            #expect(!error.mayHaveReachedNetwork)
        }
        #expect(await transport.requests.allSatisfy { !$0.url.path.hasSuffix("/threads_publish") })
    }

    @Test("a failed item container stops the delivery before any carousel or publish")
    func itemContainerFailure() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/threads") ? HTTPResponse(status: 500, body: Data(#"{"error":{"message":"An unknown error occurred","code":1}}"#.utf8)) : nil
        }
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload(images: [Self.relay, Self.medals])
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.category == .serverError)
        }
        #expect(await transport.requests.count == 1)
    }

    @Test("creates a TEXT container with link attachment and topic tag, checks it is ready, publishes it, then asks for the permalink")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        let delivery = try await client.deliver(payload, of: post)
        var requests = await transport.requests
        #expect(requests.count == 4)
        let status = requests.remove(at: 1)
        #expect(status.method == .get)
        #expect(
            status.url.absoluteString
                == "https://graph.threads.net/v1.0/17000000000000001?fields=status%2Cerror_message&access_token=th-access-token-c0ffee")

        let container = requests[0]
        #expect(container.method == .post)
        #expect(container.url.absoluteString == "https://graph.threads.net/v1.0/17841400000000000/threads")
        #expect(container.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let containerFields = fields(container)
        #expect(containerFields.map(\.name) == ["media_type", "text", "link_attachment", "topic_tag", "access_token"])
        #expect(containerFields.map(\.value) == [
            "TEXT", payload.text, try #require(payload.linkAttachment?.absoluteString), "Ofsted", "th-access-token-c0ffee",
        ])

        let publish = requests[1]
        #expect(publish.method == .post)
        #expect(publish.url.absoluteString == "https://graph.threads.net/v1.0/17841400000000000/threads_publish")
        #expect(fields(publish).map(\.name) == ["creation_id", "access_token"])
        #expect(fields(publish).map(\.value) == ["17000000000000001", "th-access-token-c0ffee"])

        let permalink = requests[2]
        #expect(permalink.method == .get)
        #expect(
            permalink.url.absoluteString
                == "https://graph.threads.net/v1.0/18000000000000003?fields=permalink&access_token=th-access-token-c0ffee")
        #expect(delivery.remoteID == "18000000000000003")
        #expect(delivery.url?.absoluteString == "https://graph.threads.net/dry-run/18000000000000003")
    }

    @Test("a failed permalink lookup does not fail the delivery")
    func permalinkIsBestEffort() async throws {
        let transport = DryRunTransport { request in
            request.url.query?.contains("fields=permalink") == true
                ? HTTPResponse(status: 500, body: Data(#"{"error":{"message":"Service temporarily unavailable","code":2}}"#.utf8))
                : nil
        }
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == "18000000000000003")
        #expect(delivery.url == nil)
    }

    /// A transport whose container status answers are `statuses`, one per check (the last
    /// repeated), recording the waits the client asked for.
    func statusScript(_ statuses: [String]) -> DryRunTransport {
        let answers = Answers(statuses)
        return DryRunTransport { request in
            guard request.url.query?.contains("fields=status") == true else { return nil }
            let answer = answers.next()
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(answer.utf8))
        }
    }

    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var remaining: [String]
        init(_ answers: [String]) { remaining = answers }
        func next() -> String {
            lock.withLock { remaining.count > 1 ? remaining.removeFirst() : remaining[0] }
        }
    }

    @Test("a container still IN_PROGRESS is checked again after a wait, then published once FINISHED")
    func waitsForTheContainer() async throws {
        let transport = statusScript([#"{"id":"1","status":"IN_PROGRESS"}"#, #"{"id":"1","status":"IN_PROGRESS"}"#, #"{"id":"1","status":"FINISHED"}"#])
        let waits = WaitRecorder()
        let environment = DeliveryEnvironment(transport: transport, now: { DryRunHarness.now }, sleep: { await waits.add($0) })
        let client = try ThreadsClient(settings: settings, environment: environment)
        let (post, payload) = try payload()
        _ = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.filter { $0.url.query?.contains("fields=status") == true }.count == 3)
        #expect(requests.filter { $0.url.path.hasSuffix("/threads_publish") }.count == 1)
        #expect(await waits.values == [.seconds(1), .seconds(3)])
    }

    @Test(
        "a container in ERROR or EXPIRED is never published: a typed error that says nothing was posted",
        arguments: [
            (#"{"id":"1","status":"ERROR","error_message":"FAILED_DOWNLOADING_VIDEO"}"#, DeliveryError.Category.invalidPayload, "FAILED_DOWNLOADING_VIDEO"),
            (#"{"id":"1","status":"EXPIRED"}"#, DeliveryError.Category.unexpectedResponse, "expired"),
            (#"{"id":"1","status":"IN_PROGRESS"}"#, DeliveryError.Category.timeout, "still processing"),
        ])
    func containerFailures(answer: String, category: DeliveryError.Category, words: String) async throws {
        let transport = statusScript([answer])
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.category == category)
            #expect(error.message.contains(words))
            #expect(!error.mayHaveReachedNetwork)
            #expect(!error.description.contains("th-access-token-c0ffee"))
        }
        #expect(await transport.requests.allSatisfy { !$0.url.path.hasSuffix("/threads_publish") })
    }

    @Test("a permalink lookup that never answers does not fail the delivery")
    func permalinkTransportFailure() async throws {
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(PermalinkTimesOut()))
        let (post, payload) = try payload()
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == "18000000000000003")
        #expect(delivery.url == nil)
    }

    @Test("publishing twice makes two posts, so nothing retries blindly")
    func duplicateProtection() throws {
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport()))
        #expect(client.duplicateProtection == .none)
        #expect(client.secrets == ["th-access-token-c0ffee"])
    }

    @Test("a missing setting names the variable to set", arguments: ["USER_ID", "ACCESS_TOKEN"])
    func missingSetting(_ setting: String) throws {
        var bare = settings
        bare.values[setting] = nil
        do {
            _ = try ThreadsClient(settings: bare, environment: DryRunHarness.environment(DryRunTransport()))
            Issue.record("expected a missing-credential error")
        } catch {
            #expect(error.category == .missingCredential)
            #expect(error.fix == "set SYNDICATE_THREADS_\(setting) and run again.")
        }
    }

    /// An error for the container request (step 1) with `status` and `body`.
    func failure(_ status: Int, _ body: String, headers: HTTPHeaders = [:], onPublish: Bool = false) async throws -> DeliveryError {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        let transport = DryRunTransport { request in
            (request.url.path.hasSuffix("/threads_publish") || !onPublish) ? response : nil
        }
        let client = try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try payload()
        do {
            _ = try await client.deliver(payload, of: post)
        } catch {
            #expect(!error.description.contains("th-access-token-c0ffee"))
            let sent = await transport.requests.count
            #expect(sent == (onPublish ? 3 : 1))   // container, status check, publish
            return error
        }
        Issue.record("expected an error for HTTP \(status)")
        return DeliveryError(.unexpectedResponse, network: .threads, account: "school", message: "none")
    }

    @Test("401 with Graph code 190 is unauthorized, the token redacted")
    func unauthorized() async throws {
        let error = try await failure(
            401, #"{"error":{"message":"Invalid OAuth access token th-access-token-c0ffee","type":"OAuthException","code":190}}"#)
        #expect(error.category == .unauthorized)
        #expect(error.networkMessage == "(#190) Invalid OAuth access token REDACTED")
    }

    @Test("a duplicate answer is a duplicate")
    func duplicate() async throws {
        let error = try await failure(
            403, #"{"error":{"message":"(#506) Duplicate status message","type":"OAuthException","code":506}}"#, onPublish: true)
        #expect(error.category == .duplicate)
        #expect(error.networkMessage == "(#506) Duplicate status message")
    }

    @Test("429 and Graph call limits are rate limits")
    func rateLimited() async throws {
        let error = try await failure(
            429, #"{"error":{"message":"Application request limit reached","type":"OAuthException","code":4}}"#,
            headers: ["Retry-After": "60"])
        #expect(error.category == .rateLimited)
        #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(60))
    }

    @Test("500 on publish is a server error that may have reached Threads, and is not retried")
    func serverError() async throws {
        let error = try await failure(500, #"{"error":{"message":"An unknown error occurred","code":1}}"#, onPublish: true)
        #expect(error.category == .serverError)
        #expect(error.mayHaveReachedNetwork)
        #expect(
            RetryPolicy.default.delay(after: error, attempt: 1, waited: .zero, protection: .none, now: DryRunHarness.now) == nil)
    }
}

/// Answers the two POSTs as the dry run does and times out on the permalink GET.
private struct PermalinkTimesOut: HTTPTransport {
    let dryRun = DryRunTransport()

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.query?.contains("fields=permalink") == true { throw HTTPTransportError(.timedOut, "graph.threads.net") }
        return try await dryRun.send(request)
    }
}

/// The waits a client asked for, in order.
actor WaitRecorder {
    private(set) var values: [Duration] = []
    func add(_ wait: Duration) { values.append(wait) }
}
