import CSyndicateCurl
import Foundation
import Syndicate

/// One request through `CurlTransport`: what is sent, what has come back, and whether the
/// caller has cancelled.
final class CurlExchange: @unchecked Sendable {
    // @unchecked: the request and limits never change; `headers`, `body` and `overflowed` are
    // written by libcurl's callbacks on the exchange's thread and read by `run()` on that same
    // thread once libcurl has returned; `cancelled` is written from any thread, under `lock`.
    private let request: HTTPRequest
    private let userAgent: String?
    private let maximumBodySize: Int
    private let lock = NSLock()
    private var cancelled = false
    private var headers = HTTPHeaders()
    private var body = Data()
    private var overflowed = false

    /// An exchange for `request`, adding `userAgent` when it is not nil.
    init(request: HTTPRequest, userAgent: String?, maximumBodySize: Int) {
        self.request = request
        self.userAgent = userAgent
        self.maximumBodySize = maximumBodySize
    }

    /// Asks the running exchange to stop; it ends with `.cancelled`.
    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        cancelled = true
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private var host: String { request.url.host ?? "?" }

    /// Sends the request and waits for the whole response (blocking the calling thread).
    func run() -> Result<HTTPResponse, any Error> {
        // The method goes into the request line as given: only an HTTP token (RFC 9110) may.
        let method = request.method.rawValue
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else {
            return .failure(HTTPTransportError(.connectionFailed, "the method \(method.debugDescription) is not an HTTP token; it was not sent"))
        }
        for field in request.headers {
            let forbidden: Set<UInt8> = [0x0D, 0x0A, 0]
            if field.name.utf8.contains(where: forbidden.contains) || field.value.utf8.contains(where: forbidden.contains) {
                return .failure(
                    HTTPTransportError(
                        .connectionFailed, "the header field \(field.name) holds a line break or NUL byte; it was not sent"))
            }
        }
        var result = syndicate_curl_result()
        let strings = CStringList([request.url.absoluteString, request.method.rawValue] + (userAgent.map { [$0] } ?? []))
        let names = CStringList(request.headers.fields.map(\.name))
        let values = CStringList(request.headers.fields.map(\.value))
        let context = Unmanaged.passUnretained(self).toOpaque()
        let body = request.body ?? Data()
        body.withUnsafeBytes { bodyBytes in
            names.pointers.withUnsafeBufferPointer { namePointers in
                values.pointers.withUnsafeBufferPointer { valuePointers in
                    var exchange = syndicate_curl_exchange(
                        url: strings.pointers[0],
                        method: strings.pointers[1],
                        header_names: namePointers.baseAddress,
                        header_values: valuePointers.baseAddress,
                        header_count: namePointers.count,
                        body: bodyBytes.baseAddress,
                        body_length: bodyBytes.count,
                        has_body: request.body == nil ? 0 : 1,
                        user_agent: userAgent == nil ? nil : strings.pointers[2],
                        timeout_ms: Self.milliseconds(request.timeout),
                        on_header: { bytes, length, context in
                            Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
                                .receiveHeader(UnsafeRawBufferPointer(start: bytes, count: length))
                            return 0
                        },
                        on_body: { bytes, length, context in
                            Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
                                .receiveBody(UnsafeRawBufferPointer(start: bytes, count: length)) ? 0 : 1
                        },
                        should_abort: { context in
                            Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue().isCancelled ? 1 : 0
                        },
                        context: context)
                    syndicate_curl_perform(&exchange, &result)
                }
            }
        }
        withExtendedLifetime((strings, names, values)) {}
        return outcome(of: result)
    }

    /// The response, or the `HTTPTransportError` that `result` means.
    private func outcome(of result: syndicate_curl_result) -> Result<HTTPResponse, any Error> {
        let message = withUnsafeBytes(of: result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch result.outcome {
        case syndicate_curl_completed:
            return .success(HTTPResponse(status: result.status, headers: headers, body: body))
        case syndicate_curl_timed_out:
            return .failure(HTTPTransportError(.timedOut, "\(host) gave no complete answer within \(request.timeout)"))
        case syndicate_curl_aborted:
            return .failure(HTTPTransportError(.cancelled, "cancelled"))
        case syndicate_curl_connection_failed:
            return .failure(HTTPTransportError(.connectionFailed, "\(host): \(message)"))
        case syndicate_curl_unavailable:
            return .failure(HTTPTransportError(.connectionFailed, message))
        default:
            if overflowed {
                return .failure(
                    HTTPTransportError(.connectionLost, "\(host) answered with a body over \(maximumBodySize) bytes; it was not read to the end"))
            }
            if isCancelled { return .failure(HTTPTransportError(.cancelled, "cancelled")) }
            return .failure(HTTPTransportError(.connectionLost, "\(host): \(message)"))
        }
    }

    /// One header line: a status line starts a new response (an interim `100 Continue` is
    /// followed by the real one), a line starting with a space or tab continues the last field.
    private func receiveHeader(_ line: UnsafeRawBufferPointer) {
        var text = Substring(String(decoding: line, as: UTF8.self))
        while let last = text.unicodeScalars.last, last == "\r" || last == "\n" { text.unicodeScalars.removeLast() }
        if text.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard !text.isEmpty else { return }
        if text.first == " " || text.first == "\t" {
            // An obsolete folded line: part of the last field's value.
            var fields = headers.fields
            guard let last = fields.popLast() else { return }
            fields.append(HTTPHeaders.Field(name: last.name, value: last.value + " " + Self.trimmed(text)))
            headers = HTTPHeaders(fields)
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        headers.add(name: String(text[..<colon]), value: Self.trimmed(text[text.index(after: colon)...]))
    }

    /// Appends a piece of the body; false once the body would pass the limit.
    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maximumBodySize else {
            overflowed = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Whether `byte` may appear in an HTTP token (`tchar`: letters, digits and ``!#$%&'*+-.^_`|~``).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// `text` without the spaces and tabs around it (HTTP's optional whitespace).
    private static func trimmed(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }

    /// `duration` in whole milliseconds, at least 1 and at most a C `long`'s range.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 1 }
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return Int.max }
        return max(1, Int(clamping: product) &+ Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// C strings that live as long as this object: `strdup`'d copies, freed on deinit.
private final class CStringList {
    let pointers: [UnsafePointer<CChar>]

    init(_ strings: [String]) {
        pointers = strings.map { UnsafePointer(strdup($0)!) }
    }

    deinit {
        for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) }
    }
}
