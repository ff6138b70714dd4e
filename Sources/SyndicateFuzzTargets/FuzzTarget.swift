import Foundation

/// One fuzz target: a function that takes arbitrary bytes, feeds them to one part of Syndicate
/// and checks what comes back.
///
/// A target never crashes on its own account: a broken invariant is thrown as a ``FuzzFinding``.
/// The libFuzzer entry point (`SyndicateFuzz` built with `-sanitize=fuzzer`) turns a finding into
/// an abort so that libFuzzer saves the input; the seeded driver and the tests report it.
/// A crash inside Syndicate itself (a trap, an out-of-bounds index) is a finding by definition.
public struct FuzzTarget: Sendable {
    /// The name used on the command line, in `Fuzz/Corpus/<name>/` and in reports.
    public let name: String
    /// What the target feeds and what it checks, one sentence.
    public let summary: String
    /// Byte strings worth splicing into inputs (tags, entities, delimiters); also written as
    /// the libFuzzer dictionary.
    public let dictionary: [String]
    private let body: @Sendable (Data) throws(FuzzFinding) -> Void

    /// Creates a target.
    public init(
        name: String, summary: String, dictionary: [String] = [],
        body: @escaping @Sendable (Data) throws(FuzzFinding) -> Void
    ) {
        self.name = name
        self.summary = summary
        self.dictionary = dictionary
        self.body = body
    }

    /// Runs the target on one input.
    ///
    /// - Parameter input: Any bytes.
    /// - Throws: ``FuzzFinding`` when an invariant does not hold.
    public func run(_ input: Data) throws(FuzzFinding) {
        try body(input)
    }
}

/// A broken invariant: which target, and what did not hold.
public struct FuzzFinding: Error, Sendable, CustomStringConvertible {
    /// The target that found it.
    public var target: String
    /// What did not hold, with the values involved.
    public var message: String

    /// Creates a finding.
    public init(target: String, message: String) {
        self.target = target
        self.message = message
    }

    public var description: String { "\(target): \(message)" }
}

/// Checks one invariant for `target`; throws a ``FuzzFinding`` with `message` when it fails.
@inline(__always)
func expect(
    _ condition: @autoclosure () -> Bool, _ target: String, _ message: @autoclosure () -> String
) throws(FuzzFinding) {
    if !condition() { throw FuzzFinding(target: target, message: message()) }
}
