import Foundation

/// A brake on guessing: at most `limit` refused codes (or kiosk tokens) per client within
/// `window` seconds, then `too-many-attempts` until the oldest refusal ages out. In memory only,
/// keyed by a hash of the client's address; the table is pruned when it grows.
final class AttemptLimiter: @unchecked Sendable {
    let limit: Int
    let window: TimeInterval
    private let lock = NSLock()
    private var failures: [Int: [TimeInterval]] = [:]
    private static let pruneAbove = 50_000

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds the client must wait, or nil when it may try.
    func retryAfter(_ key: Int, now: TimeInterval = Date().timeIntervalSinceReferenceDate) -> Int? {
        lock.withLock {
            guard let times = failures[key] else { return nil }
            let recent = times.filter { now - $0 < window }
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((oldest + window - now).rounded(.up)))
        }
    }

    func recordFailure(_ key: Int, now: TimeInterval = Date().timeIntervalSinceReferenceDate) {
        lock.withLock {
            var times = failures[key, default: []].filter { now - $0 < window }
            times.append(now)
            if times.count > limit { times.removeFirst(times.count - limit) }
            failures[key] = times
            if failures.count > Self.pruneAbove {
                failures = failures.filter { _, times in times.last.map { now - $0 < window } ?? false }
            }
        }
    }
}

/// Refusals by error code since the last report: what the log says about errors (counts only).
final class RefusalCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func count(_ code: String) { lock.withLock { counts[code, default: 0] += 1 } }

    /// The counts so far, cleared.
    func drain() -> [String: Int] {
        lock.withLock {
            defer { counts = [:] }
            return counts
        }
    }
}
