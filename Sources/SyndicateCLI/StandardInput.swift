import Foundation

/// Reads standard input in chunks up to a byte limit, so that a runaway pipe ends in a clear
/// error instead of exhausting memory.
enum StandardInput {
    /// The most standard input a command reads: 256 MiB. Larger feeds should be given as a file.
    static let limit = 256 << 20

    /// All of standard input, or nil when it is longer than `limit` bytes.
    static func read(limit: Int = StandardInput.limit) -> Data? {
        var data = Data()
        let handle = FileHandle.standardInput
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { return data }
            guard data.count + chunk.count <= limit else { return nil }
            data.append(chunk)
        }
    }
}
