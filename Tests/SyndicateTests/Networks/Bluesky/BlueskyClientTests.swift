import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("BlueskyClient")
struct BlueskyClientTests {
    static let password = "bsky-app-password-1234"
    let settings = AccountSettings(
        network: .bluesky, account: "school",
        values: ["SERVICE": "https://pds.example", "HANDLE": "school.example", "APP_PASSWORD": BlueskyClientTests.password])

    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
    }

    static func xrpcError(_ status: Int, _ name: String, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(#"{"error":"\#(name)","message":"\#(message)"}"#.utf8))
    }

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .bluesky, values: [:]))
        let rkey = BlueskyRecordKey.make(postID: post.id, account: "default", part: 1, published: post.published)
        #expect(delivery.remoteID == "at://did:plc:dryrun/app.bsky.feed.post/\(rkey)")
        #expect(delivery.url?.absoluteString == "https://bsky.app/profile/dry-run.bsky.social/post/\(rkey)")
        #expect(requests.map(\.url) == [
            "https://bsky.social/xrpc/com.atproto.server.createSession",
            "https://bsky.social/xrpc/com.atproto.repo.uploadBlob",   // the two images, not fetched in a dry run
            "https://bsky.social/xrpc/com.atproto.repo.uploadBlob",
            "https://bsky.social/xrpc/com.atproto.repo.createRecord",
        ])
        #expect(delivery.mediaIDs.count == 2)
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-app-password"))
        #expect(!rendered.contains("dry-run-access-jwt"))
        assertGolden(rendered, named: "dry-run-bluesky-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("createRecord carries the DID, a stable TID record key, createdAt, langs, facets and the card")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.language = "en-GB"
        let payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        let login = try #require(requests.first)
        #expect(login.url.absoluteString == "https://pds.example/xrpc/com.atproto.server.createSession")
        let credentials = try Self.body(login)
        #expect(credentials["identifier"] as? String == "school.example")
        #expect(credentials["password"] as? String == Self.password)

        let create = try #require(requests.last)
        #expect(create.url.absoluteString == "https://pds.example/xrpc/com.atproto.repo.createRecord")
        #expect(create.headers["Authorization"] == "Bearer dry-run-access-jwt")
        let body = try Self.body(create)
        let rkey = try #require(body["rkey"] as? String)
        #expect(rkey == BlueskyRecordKey.make(postID: post.id, account: "school", part: 1, published: post.published))
        #expect(rkey.count == 13)
        #expect(rkey.allSatisfy { "234567abcdefghijklmnopqrstuvwxyz".contains($0) })
        #expect(body["repo"] as? String == "did:plc:dryrun")
        #expect(body["collection"] as? String == "app.bsky.feed.post")
        let record = try #require(body["record"] as? [String: Any])
        #expect(record["$type"] as? String == "app.bsky.feed.post")
        #expect(record["text"] as? String == payload.text)
        #expect(record["createdAt"] as? String == "2026-01-01T00:00:00.000Z")
        #expect(record["langs"] as? [String] == ["en"])
        #expect((record["facets"] as? [Any])?.count == payload.facets?.count)
        let embed = try #require(record["embed"] as? [String: Any])
        #expect(embed["$type"] as? String == "app.bsky.embed.external")
        let external = try #require(embed["external"] as? [String: Any])
        #expect(external["uri"] as? String == payload.embed?.external.uri.absoluteString)
        #expect(external["title"] as? String == payload.embed?.external.title)
        #expect(external["thumb"] == nil)
        #expect(record["reply"] == nil)
        #expect(delivery.url?.absoluteString == "https://bsky.app/profile/school.example/post/\(rkey)")
    }

    @Test("the record key is a TID fixed by post, account and part")
    func recordKey() {
        let published = Date(timeIntervalSince1970: 1_552_125_600)
        let key = BlueskyRecordKey.make(postID: "p", account: "a", part: 1, published: published)
        #expect(key == BlueskyRecordKey.make(postID: "p", account: "a", part: 1, published: published))
        #expect(key != BlueskyRecordKey.make(postID: "p", account: "a", part: 2, published: published))
        #expect(key != BlueskyRecordKey.make(postID: "p", account: "b", part: 1, published: published))
        #expect(key != BlueskyRecordKey.make(postID: "q", account: "a", part: 1, published: published))
        #expect(BlueskyRecordKey.make(postID: "p", account: "a", part: 1, published: nil).count == 13)
        #expect(key.first.map { "234567ab".contains($0) } == true)   // the top bit is zero
        // TIDs sort by time: a post published later gets a later key.
        let later = BlueskyRecordKey.make(postID: "p", account: "a", part: 1, published: published.addingTimeInterval(1))
        #expect(later > key)
        #expect(BlueskyRecordKey.tid(0) == "2222222222222")
    }

    @Test("mentions are resolved to DIDs once per handle before posting; the record carries mention facets")
    func resolvesMentions() async throws {
        let transport = DryRunTransport()
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        payload.text = "Well done @head.bsky.social and @HEAD.bsky.social"
        payload.facets = BlueskyText.facets(in: payload.text)
        _ = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        let lookups = requests.filter { $0.url.path.hasSuffix("com.atproto.identity.resolveHandle") }
        #expect(lookups.count == 1)
        #expect(lookups.first?.method == .get)
        #expect(lookups.first?.url.query == "handle=head.bsky.social")
        let create = try #require(requests.last { $0.url.path.hasSuffix("createRecord") })
        let record = try #require(Self.body(create)["record"] as? [String: Any])
        let features = (record["facets"] as? [[String: Any]] ?? []).flatMap { $0["features"] as? [[String: Any]] ?? [] }
        #expect(features.count == 2)
        #expect(features.allSatisfy { $0["$type"] as? String == "app.bsky.richtext.facet#mention" && ($0["did"] as? String)?.hasPrefix("did:plc:") == true })
        #expect(features.allSatisfy { $0["unresolved"] == nil })
    }

    @Test("a thread is posted as replies to the root and the previous part, the card on the first only")
    func thread() async throws {
        // The PDS cannot resolve the mentioned handle.
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("com.atproto.identity.resolveHandle")
                ? HTTPResponse(status: 400, body: Data(#"{"error":"InvalidRequest","message":"Unable to resolve handle"}"#.utf8)) : nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        let tag = BlueskyFacet(index: .init(byteStart: 4, byteEnd: 8), features: [.tag("two")])
        let mention = BlueskyFacet(index: .init(byteStart: 0, byteEnd: 3), features: [.unresolvedMention(handle: "x.example")])
        payload.parts = [
            .init(index: 1, text: "one 1/3", length: 7, facets: payload.facets),
            .init(index: 2, text: "two #two 2/3", length: 12, facets: [mention, tag]),
            .init(index: 3, text: "three 3/3", length: 9),
        ]
        let delivery = try await client.deliver(payload, of: post)
        let creates = await transport.requests.filter { $0.url.path.hasSuffix("createRecord") }
        #expect(creates.count == 3)
        #expect(delivery.partIDs.count == 3)
        #expect(delivery.remoteID == delivery.partIDs.first)
        let records = try creates.map { try #require(Self.body($0)["record"] as? [String: Any]) }
        #expect(records[0]["embed"] != nil)
        #expect(records[1]["embed"] == nil && records[2]["embed"] == nil)
        #expect(records[0]["reply"] == nil)
        let second = try #require(records[1]["reply"] as? [String: [String: String]])
        #expect(second["root"]?["uri"] == delivery.partIDs[0] && second["parent"]?["uri"] == delivery.partIDs[0])
        let third = try #require(records[2]["reply"] as? [String: [String: String]])
        #expect(third["root"]?["uri"] == delivery.partIDs[0] && third["parent"]?["uri"] == delivery.partIDs[1])
        #expect(third["parent"]?["cid"] != nil)
        // The mention that did not resolve is left out; the tag stays.
        let facets = try #require(records[1]["facets"] as? [[String: Any]])
        #expect(facets.count == 1)
        #expect(records[2]["facets"] == nil)
        let keys = try creates.map { try #require(Self.body($0)["rkey"] as? String) }
        #expect(Set(keys).count == 3)
    }

    @Test("the card's image is fetched and uploaded as the thumb; a bad image leaves the card without one")
    func thumbnail() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        let image = Data(repeating: 0xFF, count: 2048)
        let good = DryRunTransport { request in
            request.method == .get ? HTTPResponse(status: 200, headers: ["Content-Type": "image/jpeg; charset=binary"], body: image) : nil
        }
        _ = try await BlueskyClient(settings: settings, environment: DryRunHarness.environment(good)).deliver(payload, of: post)
        let requests = await good.requests
        #expect(requests.map { $0.url.lastPathComponent } == [
            "com.atproto.server.createSession", "spielman-ascl.jpg", "com.atproto.repo.uploadBlob", "com.atproto.repo.createRecord",
        ])
        let fetch = requests[1]
        #expect(fetch.timeout <= .seconds(10))
        let upload = requests[2]
        #expect(upload.headers["Content-Type"] == "image/jpeg")
        #expect(upload.headers["Authorization"] == "Bearer dry-run-access-jwt")
        #expect(upload.body == image)
        let record = try #require(Self.body(requests[3])["record"] as? [String: Any])
        let thumb = try #require(((record["embed"] as? [String: Any])?["external"] as? [String: Any])?["thumb"] as? [String: Any])
        #expect(thumb["$type"] as? String == "blob")
        #expect(thumb["mimeType"] as? String == "image/jpeg")
        #expect(thumb["size"] as? Int == 2048)
        #expect((thumb["ref"] as? [String: String])?["$link"]?.hasPrefix("bafkrei") == true)

        let cases: [HTTPResponse] = [
            HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: Data(count: BlueskyClient.maximumThumbnailSize + 1)),
            HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>".utf8)),
            HTTPResponse(status: 404),
        ]
        for answer in cases {
            let transport = DryRunTransport { request in request.method == .get ? answer : nil }
            let delivery = try await BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
                .deliver(payload, of: post)
            #expect(delivery.remoteID.hasPrefix("at://"))
            let sent = await transport.requests
            #expect(!sent.contains { $0.url.path.hasSuffix("uploadBlob") })
            let last = try #require(sent.last)
            let record = try #require(Self.body(last)["record"] as? [String: Any])
            #expect((record["embed"] as? [String: Any])?["external"] != nil)
        }
        let failedUpload = DryRunTransport { request in
            if request.method == .get { return HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: image) }
            if request.url.path.hasSuffix("uploadBlob") { return Self.xrpcError(400, "InvalidRequest", "bad blob") }
            return nil
        }
        let delivery = try await BlueskyClient(settings: settings, environment: DryRunHarness.environment(failedUpload))
            .deliver(payload, of: post)
        #expect(delivery.remoteID.hasPrefix("at://"))
        let afterTimeout = try await BlueskyClient(settings: settings, environment: DryRunHarness.environment(ImageTimeoutTransport()))
            .deliver(payload, of: post)
        #expect(afterTimeout.remoteID.hasPrefix("at://"))
    }

    @Test("missing settings name the variable to set")
    func missingCredential() throws {
        let environment = DryRunHarness.environment(DryRunTransport())
        for (values, variable) in [
            (["HANDLE": "school.example"], "SYNDICATE_BLUESKY_APP_PASSWORD"),
            (["APP_PASSWORD": Self.password], "SYNDICATE_BLUESKY_HANDLE"),
        ] {
            #expect {
                try BlueskyClient(settings: AccountSettings(network: .bluesky, values: values), environment: environment)
            } throws: { error in
                let error = error as? DeliveryError
                return error?.category == .missingCredential && error?.description.contains(variable) == true
            }
        }
        let client = try BlueskyClient(
            settings: AccountSettings(network: .bluesky, values: ["HANDLE": "h.example", "APP_PASSWORD": Self.password]),
            environment: environment)
        #expect(client.service.absoluteString == "https://bsky.social")
    }

    @Test("errors map to categories with the network's words and no secret", arguments: [
        (401, "AuthenticationRequired", "Invalid identifier or password", DeliveryError.Category.unauthorized),
        (400, "AccountTakedown", "Account has been taken down", .unauthorized),
        (401, "AuthFactorTokenRequired", "A sign in code has been sent", .unauthorized),
        (429, "RateLimitExceeded", "Rate Limit Exceeded", .rateLimited),
        (500, "InternalServerError", "Internal Server Error", .serverError),
        (400, "InvalidRequest", "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes", .invalidPayload),
    ])
    func errors(status: Int, name: String, message: String, category: DeliveryError.Category) async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        let reset = DryRunHarness.now.addingTimeInterval(120)
        let headers: HTTPHeaders = status == 429 ? ["RateLimit-Reset": String(Int(reset.timeIntervalSince1970))] : [:]
        let signInFails = name.hasPrefix("Auth") || name == "AccountTakedown"
        let transport = DryRunTransport { request in
            let path = request.url.path
            if signInFails ? path.hasSuffix("createSession") : path.hasSuffix("createRecord") {
                return Self.xrpcError(status, name, "\(message) (\(Self.password))", headers: headers)
            }
            return request.method == .get ? HTTPResponse(status: 404) : nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
            #expect(error.networkMessage?.contains(name) == true)
            #expect(!error.description.contains(Self.password))
            #expect(!error.description.contains("dry-run-access-jwt"))
            if category == .rateLimited { #expect(error.retryAfter == reset) }
            if category == .unauthorized { #expect(error.fix.contains("SYNDICATE_BLUESKY_APP_PASSWORD")) }
        }
        if status == 500 {
            // A 500 may hide an existing record: the client looked it up before reporting.
            #expect(await transport.requests.contains { $0.url.path.hasSuffix("com.atproto.repo.getRecord") })
        }
    }

    @Test("a record already under the post's key is a duplicate, found by the conflict or by looking it up")
    func duplicate() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        // Today's PDS: a 500, then getRecord finds the record.
        let existing = DryRunTransport { request in
            if request.url.path.hasSuffix("createRecord") { return Self.xrpcError(500, "InternalServerError", "Internal Server Error") }
            if request.url.path.hasSuffix("getRecord") {
                let rkey = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "rkey" }?.value ?? ""
                return .json(["uri": "at://did:plc:dryrun/app.bsky.feed.post/\(rkey)", "cid": "bafyexisting", "value": ["text": "…"]])
            }
            return request.method == .get ? HTTPResponse(status: 404) : nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(existing))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a duplicate")
        } catch {
            #expect(error.category == .duplicate)
            #expect(error.message.contains("at://did:plc:dryrun/app.bsky.feed.post/"))
        }
        let lookup = try #require(await existing.requests.first { $0.url.path.hasSuffix("getRecord") })
        let query = URLComponents(url: lookup.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        #expect(query.first { $0.name == "repo" }?.value == "did:plc:dryrun")
        #expect(query.first { $0.name == "collection" }?.value == "app.bsky.feed.post")

        // A PDS that names the conflict, and a lookup that fails.
        let conflict = DryRunTransport { request in
            if request.url.path.hasSuffix("createRecord") { return Self.xrpcError(409, "RecordAlreadyExists", "Record already exists") }
            return request.method == .get ? HTTPResponse(status: 502) : nil
        }
        let conflictClient = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(conflict))
        await #expect {
            try await conflictClient.deliver(payload, of: post)
        } throws: { error in
            (error as? DeliveryError)?.category == .duplicate
        }
    }

    @Test("a thread broken off half-way is completed on retry, not reported as a duplicate")
    func resumedThread() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        payload.parts = [.init(index: 1, text: "one 1/2", length: 7), .init(index: 2, text: "two 2/2", length: 7)]
        let firstKey = BlueskyRecordKey.make(postID: post.id, account: "school", part: 1, published: post.published)
        let transport = DryRunTransport { request in
            guard request.url.path.hasSuffix("createRecord") || request.url.path.hasSuffix("getRecord") else { return nil }
            let sent = (try? Self.body(request)["rkey"] as? String) ?? nil
            let asked = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "rkey" }?.value
            if sent == firstKey { return Self.xrpcError(500, "InternalServerError", "Internal Server Error") }
            if asked == firstKey { return .json(["uri": "at://did:plc:dryrun/app.bsky.feed.post/\(firstKey)", "cid": "bafyfirst"]) }
            return nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.partIDs == ["at://did:plc:dryrun/app.bsky.feed.post/\(firstKey)", delivery.partIDs[1]])
        let second = try #require(await transport.requests.last)
        let reply = try #require(Self.body(second)["record"] as? [String: Any])["reply"] as? [String: [String: String]]
        #expect(reply?["parent"]?["cid"] == "bafyfirst")
    }
}

/// Times out every GET (the thumbnail) and answers the rest as a dry run does.
private struct ImageTimeoutTransport: HTTPTransport {
    let dryRun = DryRunTransport()
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method == .get { throw HTTPTransportError(.timedOut, "images.example") }
        return try await dryRun.send(request)
    }
}
