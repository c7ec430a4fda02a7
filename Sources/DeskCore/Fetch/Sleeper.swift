import Foundation

/// Waits. Fetchers wait through one (rate limits, `Retry-After`) so tests can record the waits instead of
/// sleeping, the way `WallClock` keeps "now" out of domain code.
public protocol Sleeper: Sendable {
    func sleep(seconds: TimeInterval)
}

/// Really waits, by blocking the calling thread.
public struct ThreadSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: TimeInterval) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}
