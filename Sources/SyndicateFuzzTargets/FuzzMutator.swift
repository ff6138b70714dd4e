import Foundation
import SyndicateTestSupport

/// Seeded mutations of fuzz inputs: the random-input driver's counterpart to libFuzzer's
/// mutators, deterministic for a given seed so that a finding reproduces from its seed.
public struct FuzzMutator {
    /// Inputs never grow past this many bytes.
    public var maxSize: Int
    private var random: SeededGenerator
    private let dictionary: [[UInt8]]

    /// Creates a mutator.
    ///
    /// - Parameters:
    ///   - seed: The seed; equal seeds give equal mutation sequences.
    ///   - dictionary: Tokens to splice in (a target's ``FuzzTarget/dictionary``).
    ///   - maxSize: The largest input produced, in bytes.
    public init(seed: UInt64, dictionary: [String], maxSize: Int = 64 << 10) {
        self.random = SeededGenerator(seed: seed)
        self.dictionary = dictionary.map { Array($0.utf8) }
        self.maxSize = maxSize
    }

    /// The next 64 random bits (SplitMix64, shared with the tests' ``SeededGenerator``).
    public mutating func next() -> UInt64 {
        random.next()
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    public mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    /// `input` changed by one to four mutations, `other` available for splicing.
    public mutating func mutate(_ input: [UInt8], splicingWith other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) { mutateOnce(&bytes, other: other) }
        if bytes.count > maxSize { bytes.removeLast(bytes.count - maxSize) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], other: [UInt8]) {
        switch below(9) {
        case 0 where !bytes.isEmpty:  // flip a bit
            bytes[below(bytes.count)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:  // set a byte to an interesting value
            let values: [UInt8] = [0, 0x0A, 0x20, 0x22, 0x26, 0x3C, 0x3E, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xF0, 0xFE, 0xFF]
            bytes[below(bytes.count)] = values[below(values.count)]
        case 2:  // insert random bytes
            let count = 1 + below(8)
            let insert = (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
            bytes.insert(contentsOf: insert, at: below(bytes.count + 1))
        case 3 where !bytes.isEmpty:  // delete a range
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(64)))
        case 4 where !bytes.isEmpty:  // repeat a range, the shape of deep nesting and long runs
            let start = below(bytes.count)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(32))])
            let times = 1 + below(below(2) == 0 ? 8 : 512)
            let repeated = Array([[UInt8]](repeating: chunk, count: times).joined())
            bytes.insert(contentsOf: repeated, at: start)
        case 5 where !dictionary.isEmpty:  // insert a dictionary token
            bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: below(bytes.count + 1))
        case 6 where !other.isEmpty:  // splice with another input
            let cut = below(bytes.count + 1)
            let from = below(other.count)
            bytes = Array(bytes[..<cut]) + other[from..<min(other.count, from + 1 + below(512))]
        case 7 where bytes.count > 1:  // truncate
            bytes.removeLast(1 + below(bytes.count - 1))
        default:  // overwrite a range with a dictionary token
            guard !dictionary.isEmpty, !bytes.isEmpty else { return }
            let token = dictionary[below(dictionary.count)]
            let start = below(bytes.count)
            bytes.replaceSubrange(start..<min(bytes.count, start + token.count), with: token)
        }
    }
}
