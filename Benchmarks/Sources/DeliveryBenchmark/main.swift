import Foundation
import Syndicate
import SyndicateCurl
import SyndicateLoopback
import SyndicateURLSession

#if AsyncHTTPClientTransport
    import SyndicateAsyncHTTPClient
#endif

// Delivery benchmark: 10,000 Mastodon status requests to the loopback server through each real
// transport, at concurrency 1 and 16, against the server's own ceiling measured in the same run
// by a trivial raw-socket client (RawHTTPClient) that pipelines 16 requests per connection, and
// beside it the same client with one request in flight per connection. Every request carries its
// own idempotency key, so the server creates a status for each, whoever sends it. The CPU column
// is the whole process's (client and server share it) per request. Usage: DeliveryBenchmark [count]
// `DeliveryBenchmark --check` sends 200 requests through each client and checks every answer (CI).
// AsyncHTTPClientTransport takes part when the package trait of that name is on.

let check = CommandLine.arguments.contains("--check")
let count = check ? 200 : CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let server = LoopbackServer()
try await server.start()
let base = server.baseURL
guard let port = base.port else { fatalError("the loopback server has no port") }
let body = #"{"status":"Ofsted secondments for school leaders https://school.example/a","visibility":"public"}"#

func request(_ number: Int) -> HTTPRequest {
    HTTPRequest(
        method: .post, url: base.appendingPathComponent("api/v1/statuses"),
        headers: [
            "Authorization": "Bearer \(LoopbackServer.token)", "Content-Type": "application/json",
            "Idempotency-Key": "bench-\(number)",
        ],
        body: Data(body.utf8), timeout: .seconds(30))
}

/// CPU seconds (user and system) the whole process, client and server, has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Sends `count` requests through `transport`, at most `concurrency` at once; returns seconds.
func measure(_ transport: any HTTPTransport, concurrency: Int, offset: Int) async throws -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    var ok = 0
    try await withThrowingTaskGroup(of: Int.self) { group in
        var next = 0
        func add() {
            let number = offset + next
            next += 1
            group.addTask { try await transport.send(request(number)).isSuccess ? 1 : 0 }
        }
        for _ in 0..<min(concurrency, count) { add() }
        while let result = try await group.next() {
            ok += result
            if next < count { add() }
        }
    }
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, ok)
}

/// The server's ceiling: the same requests (each with its own idempotency key, so the server
/// creates a status for every one, as it does for the transports) from RawHTTPClient.
func raw(concurrency: Int, offset: Int, depth: Int = 1) -> (Double, Int) {
    let requests = (0..<count).map { number in
        Array(
            ("POST /api/v1/statuses HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(LoopbackServer.token)\r\n"
                + "Content-Type: application/json\r\nIdempotency-Key: raw-\(offset + number)\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8)
    }
    return RawHTTPClient.run(requests: requests, port: UInt16(port), connections: concurrency, depth: depth)
}

var transports: [(String, any HTTPTransport)] = [
    ("URLSessionTransport", URLSessionTransport()), ("CurlTransport", CurlTransport()),
]
#if AsyncHTTPClientTransport
    transports.append(("AsyncHTTPClientTransport", AsyncHTTPClientTransport()))
#endif

if check {
    var fine = raw(concurrency: 4, offset: 1).1 == count
    for (name, transport) in transports {
        let ok = try await measure(transport, concurrency: 4, offset: 1_000 * name.count).1
        print("\(ok == count ? "ok" : "WRONG") DeliveryBenchmark: \(name) \(ok) of \(count) answered 2xx")
        fine = fine && ok == count
    }
    await server.shutdown()
    exit(fine ? 0 : 1)
}

// Warm up every client (connections, caches) so that the first measurement is not penalised.
for (offset, (_, transport)) in transports.enumerated() {
    _ = try await measure(transport, concurrency: 16, offset: 1_000_000 * (offset + 1))
}
_ = raw(concurrency: 16, offset: 3_000_000)

print("Delivery over loopback: \(count) Mastodon status requests per row (server: SyndicateLoopback on 127.0.0.1)")
print("| Client | Concurrency | Requests/s | vs. ceiling | CPU µs/request (client + server) | 2xx |")
print("|---|---|---|---|---|---|")
var lines: [String] = []
for concurrency in [1, 16] {
    var cpu = cpuSeconds()
    let (ceilingSeconds, ceilingOK) = raw(concurrency: concurrency, offset: 10_000_000 * concurrency, depth: 16)
    let ceiling = Double(count) / ceilingSeconds
    let ceilingCPU = (cpuSeconds() - cpu) / Double(count) * 1e6
    print(String(format: "| raw loop, 16 pipelined per connection (server ceiling) | %d | %.0f | 1.00× | %.0f | %d |", concurrency, ceiling, ceilingCPU, ceilingOK))
    cpu = cpuSeconds()
    let (plainSeconds, plainOK) = raw(concurrency: concurrency, offset: 15_000_000 * concurrency)
    let plain = Double(count) / plainSeconds
    let plainCPU = (cpuSeconds() - cpu) / Double(count) * 1e6
    print(String(format: "| raw loop, one request in flight per connection | %d | %.0f | %.2f× | %.0f | %d |", concurrency, plain, plain / ceiling, plainCPU, plainOK))
    for (name, transport) in transports {
        cpu = cpuSeconds()
        let (seconds, ok) = try await measure(transport, concurrency: concurrency, offset: 20_000_000 * concurrency + name.count)
        let rate = Double(count) / seconds
        let used = (cpuSeconds() - cpu) / Double(count) * 1e6
        print(String(format: "| %@ | %d | %.0f | %.2f× | %.0f | %d |", name, concurrency, rate, rate / ceiling, used, ok))
        lines.append("RATIO_\(name)_\(concurrency)=\(rate / ceiling)")
    }
}
for line in lines { print(line) }
await server.shutdown()
