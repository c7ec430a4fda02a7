import Foundation

/// The source of "now" for all domain code. Nothing in the core calls `Date()` itself.
public protocol WallClock: Sendable {
    var now: Date { get }
}

/// The real time of the machine.
public struct SystemClock: WallClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock stopped at one instant (`MEJA_NOW`).
public struct FixedClock: WallClock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
}

/// A clock that never reads before `floor`, the time of the log's last event when the command line or the desk
/// opened: what they show is never the desk as it stood before the log's last event (a clock set back, `MEJA_NOW` in
/// the past). Actions are dated inside their transaction (`Desk.actionTime`), which also covers events written after
/// the desk opened.
public struct LogFlooredClock: WallClock {
    public let base: any WallClock
    public let floor: Date
    public init(_ base: any WallClock, floor: Date) {
        self.base = base
        self.floor = floor
    }
    public var now: Date { max(base.now, floor) }
}

/// A clock that tests (and the demo seeder) move by hand.
public final class ManualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public var now: Date { lock.withLock { current } }

    /// Moves the clock to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }

    /// Moves the clock forward by `seconds`.
    public func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// The clock `MEJA_NOW` asks for, else the system clock.
public enum ClockFromEnvironment {
    /// Reads `MEJA_NOW` (ISO 8601 with offset); a value that does not parse is an error, never silently ignored, and so
    /// is one more than a year after the machine's clock (`machineNow`): the log's times never go back, so one action
    /// dated 9999 (or 4026 for 2026) would date every later action on the desk so.
    public static func make(_ environment: [String: String] = ProcessInfo.processInfo.environment, machineNow: Date = Date()) throws -> any WallClock {
        guard let text = environment["MEJA_NOW"], !text.isEmpty else { return SystemClock() }
        guard let date = Timestamp.parse(text) else {
            throw DeskError.invalidInput("MEJA_NOW=\(SafeText.forMessage(text)) is not an ISO 8601 time with an offset, e.g. 2026-12-01T10:00:00+07:00")
        }
        if date.timeIntervalSince(machineNow) > 366 * 86_400 {
            throw DeskError.invalidInput("MEJA_NOW=\(SafeText.forMessage(text)) is more than a year after this machine's clock (\(Timestamp.utc(machineNow))): "
                + "actions would be dated then, and every later one too (the log's times never go back). It fixes \"now\" for tests "
                + "and demonstrations: set it near the real time, or unset it")
        }
        return FixedClock(date)
    }
}
