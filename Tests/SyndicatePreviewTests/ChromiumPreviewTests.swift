import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// The golden preview pages in a real browser (headless Chromium): each page is screenshotted
/// (the PNG must have the window's size and be far from blank: several times the size of a
/// blank page's screenshot taken in the same run), and a copy with a measuring script is laid
/// out to check that every network's card is there, in order, with exactly the payload's
/// visible text, that nothing sticks out of its card or the page, and that the page loaded
/// nothing but its own images (host names resolve to nothing, so it could not reach the
/// network anyway).
///
/// Skips, saying so, where no Chromium is installed; CI installs one.
@Suite(.serialized) struct ChromiumPreviewTests {
    /// The networks whose text has no markup: the card shows the payload's text itself.
    static let showsTextAsSent: Set<SocialNetwork> = [.x, .mastodon, .bluesky, .threads, .tumblr, .webhook]
    static let width = 1000
    static let height = 1600

    /// The golden page `name` in `Tests/SyndicatePreviewTests/__Goldens__/`.
    static func golden(_ name: String) throws -> (url: URL, html: String) {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/SyndicatePreviewTests/__Goldens__/\(name).html")
        return (url, try String(contentsOf: url, encoding: .utf8))
    }

    @Test("every golden page lays out in Chromium with every card, its exact text, no overflow and no request but its images",
          .enabled(if: HeadlessChromium.installed != nil, "no Chromium installed: apt-get install chromium (CI installs it)"),
          arguments: PreviewGoldenPages.all.map(\.name))
    func layout(name: String) throws {
        let browser = try #require(HeadlessChromium.installed)
        let page = try #require(PreviewGoldenPages.all.first { $0.name == name })
        let (_, html) = try Self.golden(name)
        #expect(!html.lowercased().contains("<script"), "the page itself has no script")
        #expect(html.contains("Content-Security-Policy"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let probed = folder.appendingPathComponent("probed.html")
        try LayoutProbe.instrumented(html).write(to: probed, atomically: true, encoding: .utf8)
        let report = try LayoutProbe.report(in: try browser.domAfterLayout(of: probed, width: Self.width, height: Self.height))

        let payloads = try page.previews().flatMap(\.payloads)
        #expect(report.cards.map(\.network) == payloads.map(\.network.rawValue))
        for (card, payload) in zip(report.cards, payloads) {
            #expect(card.parts == PreviewRenderer.visibleText(of: payload), "\(name) \(card.network)")
            if Self.showsTextAsSent.contains(payload.network) {
                #expect(card.parts == (payload.parts?.map(\.text) ?? [payload.text]), "\(name) \(card.network): not the payload's own text")
            }
            #expect(card.overflow.isEmpty, "\(name) \(card.network): \(card.overflow.prefix(3))")
            #expect(card.width > 200 && card.height > 50, "\(name) \(card.network): \(card.width)×\(card.height)")
        }
        #expect(report.documentWidth <= report.windowWidth, "\(name): the page is wider than the window")
        let images = Set(report.images)
        #expect(report.resources.allSatisfy(images.contains), "\(name): loaded \(report.resources.filter { !images.contains($0) })")
    }

    @Test("every golden page's screenshot has the window's size and is far from blank",
          .enabled(if: HeadlessChromium.installed != nil, "no Chromium installed: apt-get install chromium (CI installs it)"))
    func screenshots() throws {
        let browser = try #require(HeadlessChromium.installed)
        let blankPage = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-blank-\(UUID().uuidString).html")
        try "<!doctype html><html><body></body></html>".write(to: blankPage, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: blankPage) }
        let blank = try browser.screenshot(of: blankPage, width: Self.width, height: Self.height)
        for page in PreviewGoldenPages.all {
            for dark in [false, true] {
                let shot = try browser.screenshot(of: try Self.golden(page.name).url, width: Self.width, height: Self.height, dark: dark)
                let size = try #require(pngSize(shot), "\(page.name): not a PNG")
                #expect(size.width == Self.width && size.height == Self.height, "\(page.name): \(size)")
                #expect(shot.count > 4 * blank.count, "\(page.name) (dark: \(dark)): \(shot.count) bytes against a blank page's \(blank.count)")
            }
        }
    }
}
