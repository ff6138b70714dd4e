import Foundation
import Synchronization
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``TelegramClient`` deleting and editing what the bot posted, over real HTTP.
    @Suite("TelegramClient over loopback: retract and update")
    struct TelegramRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// Another bot's token the server also accepts.
        static let otherBot = "654321:another-bot"

        /// A server clock a test moves.
        final class Clock: Sendable {
            private let date = Mutex(Harness.now)
            var now: Date { date.withLock { $0 } }
            func set(_ now: Date) { date.withLock { $0 = now } }
        }

        /// A server accepting both bots, whose clock is `clock`.
        static func configuration(_ clock: Clock) -> LoopbackServer.Configuration {
            LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, otherBot]), now: { clock.now })
        }

        @Test("a text message is deleted once; a second delete finds it gone and counts as done", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                #expect(server.livePosts(on: .telegram).isEmpty)
                try await client.retract(copy)
                #expect(server.requests(to: .telegramDeleteMessage).count == 2)
                #expect(server.requests(to: .telegramDeleteMessage).allSatisfy { Harness.json($0)["message_id"] as? Int == 1 })
            }
        }

        @Test("an album is deleted entirely, and so is the text that followed the photos, last message first", arguments: TransportKind.allCases)
        func deleteAlbum(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, captioned) = try TelegramLoopback.photoPayload()
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                var long = captioned
                long.text = "<b>Sports day</b>\n\n" + String(repeating: "Rain &amp; relays. ", count: 80)
                let album = PostedCopy(try await client.deliver(captioned, of: post))
                let followed = PostedCopy(try await client.deliver(long, of: post))
                #expect(album.allIDs == ["1", "2"] && followed.allIDs == ["3", "4", "5"])
                #expect(server.livePosts(on: .telegram).count == 3)   // the album, the second album, its text

                try await client.retract(followed)
                #expect(server.livePosts(on: .telegram).map(\.id) == ["1"])
                try await client.retract(album)
                #expect(server.livePosts(on: .telegram).isEmpty)
                let deletes = server.requests(to: .telegramDeleteMessages).map { Harness.json($0)["message_ids"] as? [Int] }
                #expect(deletes == [[5, 4, 3], [2, 1]])
            }
        }

        @Test("an album's caption is edited in place, keeping the photos; the same text again counts as edited", arguments: TransportKind.allCases)
        func editCaption(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try TelegramLoopback.photoPayload()
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                var corrected = payload
                corrected.text = "<b>Sports day</b>\n\nCorrection: the relay was won by Year 5."
                let delivery = try await client.edit(copy, to: corrected, of: post)
                #expect(delivery.mediaIDs == copy.mediaIDs && delivery.partIDs == ["1", "2"])
                _ = try await client.edit(copy, to: corrected, of: post)
                let live = try #require(server.livePosts(on: .telegram).first)
                #expect(live.text == corrected.text)
                #expect(live.previousTexts == [payload.text])
                #expect(live.media.count == 2)
                #expect(server.requests(to: .telegramEditMessageCaption).count == 2)
            }
        }

        @Test("an edit of a deleted message is a clear error advising a repost", arguments: TransportKind.allCases)
        func editDeleted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                do {
                    _ = try await client.edit(copy, to: payload, of: post)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.message.contains("message 1 is no longer in @oakfieldnews"))
                    #expect(error.networkMessage == "Bad Request: message to edit not found")
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
            }
        }

        @Test("another bot's message, and one older than 48 hours, can't be deleted: delete it by hand in Telegram", arguments: TransportKind.allCases)
        func cannotBeDeleted(kind: TransportKind) async throws {
            let clock = Clock()
            try await LoopbackServer.withRunning(configuration: Self.configuration(clock)) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let other = try TelegramLoopback.client(server, Harness.environment(kind), token: Self.otherBot)
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                for (deleter, hours) in [(other, 0.0), (client, 49.0)] {
                    clock.set(Harness.now.addingTimeInterval(hours * 3600))
                    do {
                        try await deleter.retract(copy)
                        Issue.record("expected an error")
                    } catch let error as DeliveryError {
                        #expect(error.category == .forbidden)
                        #expect(error.fix.contains("delete it by hand in Telegram"))
                        #expect(!error.description.contains(Self.otherBot) && !error.description.contains(LoopbackServer.token))
                    }
                }
                #expect(server.livePosts(on: .telegram).count == 1)
                // An edit has no 48-hour limit.
                var corrected = payload
                corrected.text += "\n\nCorrected."
                _ = try await client.edit(copy, to: corrected, of: post)
                #expect(server.livePosts(on: .telegram).first?.text == corrected.text)
            }
        }

        @Test("a refused token is unauthorized, and a 429 carries its reset", arguments: TransportKind.allCases)
        func refusedAndRateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                do {
                    try await TelegramLoopback.client(server, Harness.environment(kind), token: "123456:revoked").retract(copy)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains("123456:revoked"))
                }
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .telegramDeleteMessage)
                do {
                    try await client.retract(copy)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                }
                #expect(server.livePosts(on: .telegram).count == 1)
                try await client.retract(copy)
                #expect(server.livePosts(on: .telegram).isEmpty)
            }
        }
    }
}
