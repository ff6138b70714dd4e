import Foundation
import Syndicate
import Testing

@testable import SyndicateCLI

@Suite struct CountCommandJSONLinesTests {
    /// Runs `countLines` over `input` cut into chunks of `size` bytes; returns output and failures.
    private func run(_ input: String, chunkSize size: Int, rule: NetworkRule = .bluesky) -> (String, Int) {
        let bytes = Array(input.utf8)
        var offset = 0
        var output = Data()
        let failures = CountCommand.countLines(
            read: {
                guard offset < bytes.count else { return nil }
                let end = min(offset + size, bytes.count)
                defer { offset = end }
                return Data(bytes[offset..<end])
            }, rule: rule, write: { output.append($0) })
        return (String(decoding: output, as: UTF8.self), failures)
    }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func linesSplitAcrossChunksAndInsideCharactersCountTheSame(chunkSize: Int) {
        let input = "\"👨‍👩‍👧‍👧 family\"\r\n\"日本\"\n[1]\n\"last, without a line ending\""
        let (output, failures) = run(input, chunkSize: chunkSize)
        #expect(output == """
            {"network":"bluesky","length":8,"limit":300,"valid":true,"bytes":32,"graphemes":8}
            {"network":"bluesky","length":2,"limit":300,"valid":true,"bytes":6,"graphemes":2}
            {"line":3,"error":"not a JSON string at column 1; each line must be one JSON string such as \\"Hello\\"."}
            {"network":"bluesky","length":27,"limit":300,"valid":true,"bytes":27,"graphemes":27}

            """)
        #expect(failures == 1)
    }

    @Test func emptyInputPrintsNothing() {
        let (output, failures) = run("", chunkSize: 10)
        #expect(output == "")
        #expect(failures == 0)
    }

    @Test func oneLongLineInSmallChunksIsCountedWhole() {
        let input = "\"" + String(repeating: "a", count: 2_000_000) + "\"\n"
        let (output, _) = run(input, chunkSize: 1024, rule: .slack)
        #expect(output == #"{"network":"slack","length":2000000,"limit":40000,"valid":false,"bytes":2000000,"graphemes":2000000}"# + "\n")
    }
}
