import Foundation
import Syndicate

/// Locates the repository's example files and the shared peer data for tests.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SyndicateTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Examples/Posts/<name>`.
    public static func example(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Examples/Posts").appendingPathComponent(name)
    }

    /// The bytes of `Examples/Posts/<name>`.
    public static func exampleData(_ name: String) throws -> Data {
        try Data(contentsOf: example(name))
    }

    /// `../shared/<relativePath>` beside the repository, or nil (with a printed notice naming
    /// the test that skips) when the shared folder is absent.
    public static func shared(_ relativePath: String, for test: String = #function) -> URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
            .appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED \(test): ../shared/\(relativePath) is absent (peer data is read from ../shared, never copied).")
            return nil
        }
        return url
    }

    /// A context for importing a fixture named `name`.
    /// A context for importing a fixture named `name`; an example's relative image paths
    /// resolve beside it in `Examples/Posts/`.
    public static func context(_ name: String, baseURL: URL? = nil) -> ImportContext {
        let file = example(name)
        return ImportContext(
            inputName: name, baseURL: baseURL, sourceFile: FileManager.default.fileExists(atPath: file.path) ? file : nil)
    }
}
