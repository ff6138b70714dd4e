import Foundation
import Syndicate

/// Fuzz target for ``MultipartForm``: `parse(_:boundary:)` on any body, and forms built from
/// the bytes encoded and parsed back.
///
/// The input's first line (up to 70 bytes) is the boundary and the rest the body: parsing never
/// traps, is repeatable, and every part it returns is bytes of the body. Then the input, cut at
/// NUL bytes, becomes a form (text fields and files with the bytes as their content, names and
/// file names drawn from a safe alphabet as clients use them): its body must parse back, with
/// its own boundary, to exactly its parts.
enum MultipartFuzzTarget {
    static let name = "multipart"

    static let target = FuzzTarget(
        name: name,
        summary: "MultipartForm.parse on any body, and forms built from the bytes parsed back to their parts.",
        dictionary: [
            "--", "\r\n", "\r\n\r\n", "Content-Disposition: form-data; name=\"", "\"; filename=\"", "Content-Type: ",
            "image/jpeg", "--syndicate-", "\u{0}",
        ],
        body: { data throws(FuzzFinding) in try check(data) }
    )

    /// The characters names and file names are made of (RFC 7578 field names as clients send them).
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-[]")
    static let contentTypes = ["image/jpeg", "image/png", "image/gif", "image/webp", "application/octet-stream", "text/plain"]

    static func check(_ data: Data) throws(FuzzFinding) {
        try checkParse(data)
        try checkRoundTrip(data)
    }

    /// Any body with a boundary from the input.
    static func checkParse(_ data: Data) throws(FuzzFinding) {
        let newline = data.prefix(71).firstIndex(of: 0x0A)
        let boundary = String(decoding: data[data.startIndex..<(newline ?? data.startIndex)], as: UTF8.self)
        let body = Data(data[(newline.map { $0 + 1 } ?? data.startIndex)...])
        let parts = MultipartForm.parse(body, boundary: boundary)
        try expect(MultipartForm.parse(body, boundary: boundary) == parts, name, "parse is not repeatable")
        for part in parts ?? [] {
            try expect(
                part.data.isEmpty || body.range(of: part.data) != nil, name,
                "a part of \(part.data.count) bytes is not bytes of the body")
        }
    }

    /// A form built from the input parses back to its parts.
    static func checkRoundTrip(_ data: Data) throws(FuzzFinding) {
        var form = MultipartForm()
        let pieces = data.split(separator: 0, omittingEmptySubsequences: false).prefix(24)
        for (index, piece) in pieces.enumerated() {
            let fieldName = safeName(piece.prefix(12), fallback: "field\(index)")
            if index % 3 == 2 {
                let type = contentTypes[Int(piece.first ?? 0) % contentTypes.count]
                form.add(fieldName, fileName: safeName(piece.suffix(9), fallback: "image") + ".bin", contentType: type, data: Data(piece))
            } else {
                form.add(fieldName, String(decoding: piece, as: UTF8.self))
            }
        }
        let body = form.body
        guard let parsed = MultipartForm.parse(body, boundary: form.boundary) else {
            throw FuzzFinding(target: name, message: "a form of \(form.parts.count) parts does not parse back")
        }
        try expect(parsed.count == form.parts.count, name, "\(form.parts.count) parts parse back as \(parsed.count)")
        for (built, read) in zip(form.parts, parsed) {
            try expect(
                built == read, name,
                "part \(built.name) (\(built.data.count) bytes) parses back as \(read.name) (\(read.data.count) bytes, file \(read.fileName ?? "none"), type \(read.contentType ?? "none"))")
        }
        try expect(
            MultipartForm.boundary(inContentType: form.contentType) == form.boundary, name,
            "the content type \(form.contentType) does not give back its boundary")
    }

    private static func safeName(_ bytes: Data, fallback: String) -> String {
        let name = String(bytes.map { alphabet[Int($0) % alphabet.count] })
        return name.isEmpty ? fallback : name
    }
}
