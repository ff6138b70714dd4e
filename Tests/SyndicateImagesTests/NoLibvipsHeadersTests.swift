import Foundation
import SyndicateTestSupport
import Testing

/// The package builds on a machine without libvips' development files.
@Suite struct NoLibvipsHeadersTests {
    @Test("building needs no libvips or GLib headers: the C half includes none (a fresh machine lacks them)")
    func noLibraryHeaders() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/CSyndicateVips")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        let sources = files.filter { ["c", "h"].contains($0.pathExtension) }
        #expect(sources.count >= 3)
        for file in sources {
            let text = try String(contentsOf: file, encoding: .utf8)
            for header in ["#include <vips/", "#include <glib", "#include <gobject/"] {
                #expect(!text.contains(header), "\(file.lastPathComponent) includes a library header (\(header))")
            }
        }
        let manifest = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(!manifest.contains("pkgConfig: \"vips\""), "a system-library target would need libvips-dev to build")
    }
}
