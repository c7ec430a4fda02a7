import Foundation

/// Where loads that run in the background leave their events for the run loop, and how it waits for them.
final class LoadInbox: @unchecked Sendable {
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var events: [AppEvent] = []
    private var primaryPending = 0
    private var secondaryPending = 0
    private var latestQueueToken = 0
    private var latestReportToken = 0

    /// A load was started.
    func begin(_ effect: Effect) {
        lock.withLock {
            if effect.isSecondary { secondaryPending += 1 } else { primaryPending += 1 }
            if let t = effect.queueToken { latestQueueToken = max(latestQueueToken, t) }
            if let t = effect.reportToken { latestReportToken = max(latestReportToken, t) }
        }
    }

    /// Whether a queue page or a report has been superseded by a newer request before it started (it is then
    /// skipped: a supervisor stepping through periods waits for the last one only; counts are never skipped: the
    /// reducer runs one at a time and waits for its answer).
    func isStale(_ effect: Effect) -> Bool {
        switch effect {
        case .loadQueue(_, let t): lock.withLock { t < latestQueueToken }
        case .loadReport(_, let t): lock.withLock { t < latestReportToken }
        default: false
        }
    }

    /// A load finished with `result`.
    func finish(_ effect: Effect, _ result: [AppEvent]) {
        lock.withLock {
            if effect.isSecondary { secondaryPending -= 1 } else { primaryPending -= 1 }
            events += result
        }
        arrived.signal()
    }

    /// The events that arrived, oldest first.
    func take() -> [AppEvent] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }

    /// Loads still running: those the screen waits for, and all of them.
    var pending: (primary: Int, all: Int) { lock.withLock { (primaryPending, primaryPending + secondaryPending) } }

    /// Waits until something arrives or `deadline` passes; false on timeout.
    func wait(until deadline: DispatchTime) -> Bool { arrived.wait(timeout: deadline) == .success }
}
