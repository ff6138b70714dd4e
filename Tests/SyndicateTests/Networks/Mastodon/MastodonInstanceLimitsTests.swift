import Foundation
import Testing

@testable import Syndicate

@Suite("MastodonInstanceLimits")
struct MastodonInstanceLimitsTests {
    static let defaults = ImageLimits(
        maximumCount: 4, maximumBytes: 16 * 1024 * 1024, maximumPixels: 33_177_600,
        formats: ImageFormat.common.union([.avif, .heic]), altTextLimit: 1_500)

    static func limits(_ json: String) throws -> ImageLimits {
        try JSONDecoder().decode(MastodonInstanceLimits.self, from: Data(json.utf8)).imageLimits(over: defaults)
    }

    @Test("the server's numbers replace the defaults; its types are narrowed to the image formats known here")
    func serverSays() throws {
        let limits = try Self.limits(#"""
            {"domain":"social.example","configuration":{"statuses":{"max_characters":500,"max_media_attachments":8},
            "media_attachments":{"supported_mime_types":["image/jpeg","image/png","video/mp4","audio/mpeg"],
            "image_size_limit":10485760,"image_matrix_limit":16777216,"video_size_limit":41943040}}}
            """#)
        #expect(limits.maximumCount == 8)
        #expect(limits.maximumBytes == 10_485_760)
        #expect(limits.maximumPixels == 16_777_216)
        #expect(limits.formats == [.jpeg, .png])
        #expect(limits.altTextLimit == 1_500)
    }

    @Test("an instance document without configuration, zeros, or no known image type keeps the defaults")
    func serverSilent() throws {
        #expect(try Self.limits(#"{"uri":"old.example","version":"3.4.1"}"#) == Self.defaults)
        #expect(
            try Self.limits(#"{"configuration":{"media_attachments":{"image_size_limit":0,"supported_mime_types":["video/mp4"]}}}"#)
                == Self.defaults)
    }
}
