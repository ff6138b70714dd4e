import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// Images: web images by their URL, local files embedded as `data:` URLs (never a `file:`
/// source), a file over 5 MB left out with a note, alt text on the image and in its badge.
@Suite struct PreviewImageTests {
    @Test func localImagesAreEmbedded() throws {
        let post = Fixtures.sportsDay
        let payload = try Composer().payload(for: post, on: .mastodon)
        let page = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
        #expect(page.matches(of: /<img src="data:image\/jpeg;base64,[A-Za-z0-9+\/=]+" alt="Year 6 pupils/).count == 1)
        #expect(page.matches(of: /<img src="data:image\/png;base64,/).count == 1)
        #expect(!page.contains("file:"))
        #expect(page.contains("<figcaption class=\"alt-badge\" dir=\"auto\">Three pupils from Kestrel"))
    }

    @Test func aLocalFileOver5MBIsANoteAndAnImageWithoutAltIsMarked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.jpg")
        try Data(count: 5 * 1024 * 1024 + 1).write(to: big)
        let payload = SharePayload(
            network: .x, text: "Photos", length: 6, limit: 280, link: nil, hashtags: [],
            images: [Post.Image(url: big, alt: "A very large photo"), Post.Image(url: URL(string: "https://school.example/a.png")!, alt: nil)])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "p", title: "P"), payloads: [payload])])
        #expect(page.contains("<p class=\"note\">Not shown: the file is over 5 MB, too large to embed. big.jpg</p>"))
        #expect(!page.contains("base64"))
        #expect(page.contains("<img src=\"https://school.example/a.png\" alt=\"\" title=\"\"><figcaption class=\"alt-badge no-alt\"></figcaption>"))
    }

    @Test func aThreadShowsEveryPartInOrder() throws {
        let post = try PreviewPages.posts("ofsted-secondments.html")[0]
        let payload = try Composer(configuration: ComposerConfiguration(threading: true)).payload(for: post, on: .x)
        let parts = try #require(payload.parts)
        #expect(parts.count > 1)
        let page = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
        let numbers = page.matches(of: /data-part="(\d+)"/).map { Int($0.1) ?? 0 }
        #expect(numbers == Array(1...parts.count))
        #expect(PreviewPages.cards(page)[0].texts == parts.map(\.text))
    }
}
