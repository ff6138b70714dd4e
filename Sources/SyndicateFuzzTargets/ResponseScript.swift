import Foundation
import Syndicate

/// The responses a ``ResponseFuzzTarget`` input describes.
///
/// Byte 0 picks the network (`byte % n`, n built-in networks, in ``SocialNetwork/allCases`` order) and, with bit 7,
/// a thread. The rest splits on `0xFE` into responses: a status byte (below 0x80 an index into
/// ``statuses``, from 0x80 up `100 + (byte - 0x80) * 4`), then header lines (`name: value`)
/// up to a blank line, then the body. A response without a blank line is all body.
public struct ResponseScript: Sendable {
    /// Statuses the networks really answer with.
    public static let statuses = [
        200, 201, 202, 204, 400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 502, 503, 504, 301, 302,
    ]

    /// The network whose client is tested.
    public var network: SocialNetwork
    /// Whether the client delivers a thread.
    public var threaded: Bool
    /// The responses, in the order the transport plays them.
    public var responses: [HTTPResponse]

    /// Reads a script from fuzz input.
    public init(_ data: Data) {
        let bytes = [UInt8](data)
        let first = bytes.first ?? 0
        network = SocialNetwork.allCases[Int(first & 0x7F) % SocialNetwork.allCases.count]
        threaded = first & 0x80 != 0
        responses = bytes.dropFirst().split(separator: 0xFE, omittingEmptySubsequences: false)
            .compactMap(Self.response)
    }

    /// The input bytes for `network` answering with `responses`: the inverse of ``init(_:)``,
    /// used to write the seed corpus.
    public static func encode(network: SocialNetwork, threaded: Bool, responses: [HTTPResponse]) -> Data {
        let index = SocialNetwork.allCases.firstIndex(of: network) ?? 0
        var bytes: [UInt8] = [UInt8(index) | (threaded ? 0x80 : 0)]
        for response in responses {
            bytes.append(0xFE)
            if let known = statuses.firstIndex(of: response.status) {
                bytes.append(UInt8(known))
            } else {
                bytes.append(UInt8(clamping: 0x80 + max(0, response.status - 100) / 4))
            }
            for field in response.headers.fields {
                bytes.append(contentsOf: Array("\(field.name): \(field.value)\n".utf8))
            }
            bytes.append(contentsOf: Array("\n".utf8))
            bytes.append(contentsOf: response.body.filter { $0 != 0xFE })
        }
        return Data(bytes)
    }

    private static func response(_ chunk: ArraySlice<UInt8>) -> HTTPResponse? {
        guard let statusByte = chunk.first else { return nil }  // an empty chunk is no response
        let status = statusByte < 0x80 ? statuses[Int(statusByte) % statuses.count] : 100 + Int(statusByte - 0x80) * 4
        var rest = chunk.dropFirst()
        var headers = HTTPHeaders()
        if let blank = blankLine(in: rest) {
            let head = String(decoding: rest[rest.startIndex..<blank], as: UTF8.self)
            for line in head.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { continue }
                headers.add(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            rest = rest[(blank + 1)...]
        }
        return HTTPResponse(status: status, headers: headers, body: Data(rest))
    }

    /// The index of the second `\n` of the first `\n\n`, or of a lone `\n` at the start.
    private static func blankLine(in bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.first == 0x0A { return bytes.startIndex }
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index + 1 }
            index += 1
        }
        return nil
    }
}
