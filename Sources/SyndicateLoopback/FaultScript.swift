import Foundation

/// The faults queued per route, given out first in, first out, one per request.
struct FaultScript: Sendable {
    private var queues: [LoopbackRoute: [LoopbackFault]] = [:]

    /// Queues `faults` for the next requests to `route`, after any already queued.
    mutating func append(_ faults: [LoopbackFault], for route: LoopbackRoute) {
        queues[route, default: []].append(contentsOf: faults)
    }

    /// The next fault for `route`, removed from its queue; nil when none is queued.
    mutating func next(for route: LoopbackRoute) -> LoopbackFault? {
        guard var queue = queues[route], !queue.isEmpty else { return nil }
        let fault = queue.removeFirst()
        queues[route] = queue
        return fault
    }

    /// The faults still queued for `route`.
    func pending(for route: LoopbackRoute) -> [LoopbackFault] {
        queues[route] ?? []
    }

    /// Forgets every queued fault.
    mutating func removeAll() {
        queues.removeAll()
    }
}
