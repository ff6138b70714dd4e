/// Runs one task per element, at most a given number at a time, and returns the results in the
/// elements' order: how deliveries, retractions and updates go to several accounts at once.
enum BoundedConcurrency {
    /// `body` of each of `elements`, at most `maximum` running at once, results in order.
    static func map<Element: Sendable, Value: Sendable>(
        _ elements: [Element], maximum: Int, _ body: @escaping @Sendable (Element) async -> Value
    ) async -> [Value] {
        var results = [Value?](repeating: nil, count: elements.count)
        await withTaskGroup(of: (Int, Value).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                next += 1
                group.addTask { (index, await body(element)) }
            }
            for _ in 0..<min(max(1, maximum), elements.count) { startNext() }
            for await (index, value) in group {
                results[index] = value
                startNext()
            }
        }
        return results.compactMap { $0 }
    }
}
