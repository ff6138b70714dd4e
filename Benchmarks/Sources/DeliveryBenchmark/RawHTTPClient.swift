import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The "trivial client loop" that measures the loopback server's own ceiling: one blocking
/// socket per worker thread, keep-alive, a request pre-encoded once, the response read just far
/// enough to find its end (`Content-Length`). No parsing, no allocation per request beyond the
/// read buffer: whatever rate this reaches is the server's, not a client's.
struct RawHTTPClient {
    /// Sends `count` copies of `request` over `connections` keep-alive connections to
    /// 127.0.0.1:`port`; returns the seconds taken and the responses with status 2xx.
    static func run(request: [UInt8], port: UInt16, count: Int, connections: Int) -> (seconds: Double, ok: Int) {
        let perConnection = (0..<connections).map { count / connections + ($0 < count % connections ? 1 : 0) }
        final class Tally: @unchecked Sendable {
            private let lock = NSLock()
            private var total = 0
            func add(_ count: Int) { lock.withLock { total += count } }
            var value: Int { lock.withLock { total } }
        }
        let tally = Tally()
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        for worker in 0..<connections {
            group.enter()
            let share = perConnection[worker]
            Thread.detachNewThread {
                tally.add(loop(request: request, port: port, count: share))
                group.leave()
            }
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (seconds, tally.value)
    }

    /// One connection's loop; returns the 2xx responses seen.
    private static func loop(request: [UInt8], port: UInt16, count: Int) -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var ok = 0
        for _ in 0..<count {
            var sent = 0
            while sent < request.count {
                let n = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, request.count - sent, 0) }
                if n <= 0 { return ok }
                sent += n
            }
            // Read until the header ends and Content-Length bytes of body have arrived.
            var received: [UInt8] = []
            var needed = Int.max
            while received.count < needed {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { return ok }
                received.append(contentsOf: buffer[0..<n])
                if needed == .max, let end = headerEnd(received) {
                    needed = end + contentLength(received[0..<end])
                }
            }
            if received.count > 9, received[9] == UInt8(ascii: "2") { ok += 1 }
        }
        return ok
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    private static func contentLength(_ header: ArraySlice<UInt8>) -> Int {
        let text = String(decoding: header, as: UTF8.self).lowercased()
        guard let range = text.range(of: "content-length:") else { return 0 }
        let digits = text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
        return Int(digits) ?? 0
    }
}
