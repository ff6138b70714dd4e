import Foundation
import SyndicateTestSupport
import Testing

/// The golden assertion itself: its diff, and that a mismatch is an issue recorded where
/// `assertGolden` was called.
@Suite struct GoldenAssertionTests {
    @Test("the line diff marks what only the golden has with -, what only the actual has with +")
    func lineDiff() {
        let diff = Golden.lineDiff(expected: "a\nb\nc\n", actual: "a\nB\nc\nd\n")
        #expect(diff == "  a\n- b\n+ B\n  c\n+ d\n  \n")
    }

    @Test("equal texts have an empty diff")
    func equalTextsHaveNoDiff() {
        #expect(Golden.lineDiff(expected: "a\nb\n", actual: "a\nb\n") == "")
    }

    @Test("unchanged lines further than the context from a change are shortened to one …")
    func longUnchangedRunsAreShortened() {
        let golden = (1...20).map(String.init).joined(separator: "\n")
        let actual = golden.replacingOccurrences(of: "\n10\n", with: "\nten\n")
        let diff = Golden.lineDiff(expected: golden, actual: actual, context: 1)
        #expect(diff == "  …\n  9\n- 10\n+ ten\n  11\n  …\n")
    }

    @Test(
        "a mismatch is an issue at the caller's line whose comment is the diff",
        .disabled(if: Golden.isRecording, "recording would overwrite the golden with the mismatch"))
    func mismatchIsRecordedAtTheCaller() throws {
        let name = "dry-run-x-ofsted-secondments-html"
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/SyndicateTests/__Goldens__/\(name).json")
        let golden = try String(contentsOf: url, encoding: .utf8)
        let actual = golden.replacingOccurrences(of: "\"POST\"", with: "\"PUT\"")
        try #require(actual != golden)
        let line = #line + 2
        withKnownIssue {
            assertGolden(actual, named: name, target: "SyndicateTests")
        } matching: { issue in
            let comment = issue.comments.map(\.rawValue).joined()
            return issue.sourceLocation?.line == line && issue.sourceLocation?.fileID == #fileID
                && comment.contains("- ") && comment.contains("\"PUT\"") && comment.contains("\"POST\"")
                && comment.contains("SYNDICATE_RECORD_GOLDENS=1")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == golden)
    }

    @Test("the golden itself passes", .disabled(if: Golden.isRecording))
    func matchRecordsNothing() throws {
        let name = "dry-run-x-ofsted-secondments-html"
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/SyndicateTests/__Goldens__/\(name).json")
        assertGolden(try String(contentsOf: url, encoding: .utf8), named: name, target: "SyndicateTests")
    }
}
