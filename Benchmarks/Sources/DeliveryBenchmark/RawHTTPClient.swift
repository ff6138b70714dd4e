import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The "trivial client loop" that measures the loopback server's own ceiling: one thread, one
/// `poll` loop over keep-alive sockets, requests pre-encoded before the clock starts, each response
/// read just far enough to find its end (`Content-Length`). No parsing, no allocation per request
/// beyond the received bytes, no thread per connection to wake.
///
/// With `depth` 1 each connection has one request in flight, as a transport has; with a larger
/// `depth` requests are pipelined (HTTP/1.1 sends the next before the answer to the last has
/// come), so the server always has work queued and the rate is the server's, not a client's.
struct RawHTTPClient {
    /// One connection's progress.
    private struct Connection {
        var fd: Int32
        /// Indices into the requests of the ones this connection sends.
        var queue: [Int]
        var sent = 0
        var answered = 0
        var received: [UInt8] = []
    }

    /// Sends every one of `requests` over `connections` keep-alive connections to
    /// 127.0.0.1:`port` (connection `w` sends requests `w`, `w + connections`, …), at most `depth`
    /// unanswered on each; returns the seconds taken and the responses with status 2xx. Gives up
    /// (counting what arrived) when the server stays silent for `patience` seconds.
    static func run(
        requests: [[UInt8]], port: UInt16, connections: Int, depth: Int = 1, patience: Int32 = 10
    ) -> (seconds: Double, ok: Int) {
        var open: [Connection] = []
        for worker in 0..<connections {
            guard let fd = connect(port: port) else { break }
            open.append(Connection(fd: fd, queue: Array(stride(from: worker, to: requests.count, by: connections))))
        }
        defer { for connection in open { close(connection.fd) } }
        let start = DispatchTime.now().uptimeNanoseconds
        var ok = 0
        /// Sends what `connection` may send now; false when the connection failed.
        func refill(_ connection: inout Connection) -> Bool {
            while connection.sent < connection.queue.count, connection.sent - connection.answered < depth {
                guard send(requests[connection.queue[connection.sent]], on: connection.fd) else { return false }
                connection.sent += 1
            }
            return true
        }
        for index in open.indices {
            guard refill(&open[index]) else { return (0, 0) }
        }
        var polls = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var unanswered = open.reduce(0) { $0 + $1.queue.count }
        while unanswered > 0 {
            guard poll(&polls, nfds_t(polls.count), patience * 1_000) > 0 else { break }
            for index in polls.indices where polls[index].revents != 0 {
                polls[index].revents = 0
                let n = recv(open[index].fd, &buffer, buffer.count, 0)
                guard n > 0 else { return (elapsed(since: start), ok) }
                var connection = open[index]
                connection.received.append(contentsOf: buffer[0..<n])
                // Every complete response in what has arrived.
                var consumed = 0
                while let end = headerEnd(connection.received, from: consumed) {
                    let total = end + contentLength(connection.received[consumed..<end])
                    guard total <= connection.received.count else { break }
                    if end - consumed > 9, connection.received[consumed + 9] == UInt8(ascii: "2") { ok += 1 }
                    consumed = total
                    connection.answered += 1
                    unanswered -= 1
                }
                connection.received.removeFirst(consumed)
                guard refill(&connection) else { return (elapsed(since: start), ok) }
                open[index] = connection
            }
        }
        return (elapsed(since: start), ok)
    }

    private static func elapsed(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// A connected TCP socket to 127.0.0.1:`port` with Nagle's algorithm off.
    private static func connect(port: UInt16) -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                    Darwin.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Writes all of `request` to `fd`; false when the connection failed.
    private static func send(_ request: [UInt8], on fd: Int32) -> Bool {
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes {
                #if canImport(Glibc)
                    Glibc.send(fd, $0.baseAddress! + sent, request.count - sent, 0)
                #else
                    Darwin.send(fd, $0.baseAddress! + sent, request.count - sent, 0)
                #endif
            }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// The index after the `CRLF CRLF` that ends the header starting at `start`, if it has arrived.
    private static func headerEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count - start >= 4 else { return nil }
        for index in (start + 3)..<bytes.count where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
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
