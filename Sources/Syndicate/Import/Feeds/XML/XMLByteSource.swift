import Foundation

/// Where a streamed XML document's bytes come from, read in fixed-size chunks so that a feed
/// of any length is never held in memory whole.
enum XMLByteSource {
    /// Bytes already in memory (the ``PostImporter`` path).
    case bytes([UInt8])
    /// A stream, opened on first read and read chunk by chunk.
    case stream(InputStream)
    /// A file handle, read chunk by chunk from its current offset.
    case fileHandle(FileHandle)
    /// Another source in a charset other than UTF-8, converted as it is read.
    case transcoded(XMLTranscodingSource)

    /// The size of one read.
    static let chunkSize = 64 * 1024

    /// Replaces `buffer` with the next chunk; returns false at the end of the input.
    ///
    /// - Throws: A description of the read failure.
    mutating func read(into buffer: inout [UInt8]) throws(XMLByteSource.ReadFailure) -> Bool {
        switch self {
        case .bytes(let bytes):
            guard !bytes.isEmpty else { return false }
            buffer = bytes
            self = .bytes([])
            return true
        case .stream(let stream):
            if stream.streamStatus == .notOpen { stream.open() }
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            let count = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return 0 }
                return stream.read(base, maxLength: pointer.count)
            }
            guard count >= 0 else {
                throw ReadFailure(reason: stream.streamError?.localizedDescription ?? "the stream reported an error")
            }
            buffer.removeSubrange(count...)
            return count > 0
        case .fileHandle(let handle):
            let data: Data?
            do {
                data = try handle.read(upToCount: Self.chunkSize)
            } catch {
                throw ReadFailure(reason: error.localizedDescription)
            }
            guard let data, !data.isEmpty else { return false }
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: data)
            return true
        case .transcoded(let source):
            return try source.read(into: &buffer)
        }
    }

    /// Why reading failed.
    struct ReadFailure: Error {
        /// The system's explanation.
        let reason: String
        /// The bytes were read but do not decode in the document's charset.
        var conversion = false
    }
}
