import Foundation
import Syndicate
import SyndicatePreview
import Testing

@Suite struct PreviewRendererSmokeTests {
    @Test func aPageIsAnHTMLDocument() {
        let page = PreviewRenderer().page([])
        #expect(page.hasPrefix("<!doctype html>"))
    }
}
