import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport

/// ``TelegramClient``s pointed at a loopback Bot API.
enum TelegramLoopback {
    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> TelegramClient {
        let settings = AccountSettings(
            network: .telegram, account: "school",
            values: ["API_BASE": server.baseURL.absoluteString, "BOT_TOKEN": token, "CHAT_ID": "@oakfieldnews"])
        return try TelegramClient(settings: settings, environment: environment)
    }

    /// The sports-day post (two local photos) composed for Telegram.
    static func photoPayload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("sports-day.md")
        return (post, try Composer().payload(for: post, on: .telegram))
    }

    /// The SHA-256 of each of `post`'s image files, read as the client reads them.
    static func digests(of post: Post) async throws -> [String] {
        var digests: [String] = []
        for image in post.images {
            let prepared = try await ImagePipeline().prepare(image, limits: ImageLimits(maximumCount: 10), transport: DryRunTransport())
            digests.append(prepared.sha256)
        }
        return digests
    }

    /// The first 33 bytes of a PNG that says it is `width` × `height`: enough for a header sniffer.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        for value in [width, height] { bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        bytes += [8, 2, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes)
    }
}
