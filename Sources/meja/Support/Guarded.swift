import ArgumentParser
import DeskCore
import Foundation

/// Runs a command body, turning the core's errors into a clear message on stderr and the DESIGN.md exit status.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as DeskError {
        Console.warn("meja: \(e)")
        throw ExitCode(e.exitCode)
    } catch let e as CLIError {
        Console.warn("meja: \(e.message)")
        throw ExitCode(e.code)
    } catch let e as StoreError {
        Console.warn("meja: \(e)")
        throw ExitCode(1)
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        Console.warn("meja: \(error)")
        throw ExitCode(1)
    }
}

/// Parses a time given on the command line (`--as-of`, `--from`): ISO 8601 with offset, or a date
/// (`2026-12-01`, midnight in the calendar's zone).
func parseTime(_ text: String, zone: TimeZone) throws -> Date {
    if let d = Timestamp.parse(text) { return d }
    if let day = CivilDate(parsing: text) {
        let cal = BusinessCalendar(zone: zone, week: Array(repeating: [], count: 7))
        return Date(timeIntervalSince1970: Double(cal.instant(day: day.dayNumber, minute: 0)))
    }
    throw CLIError(message: "'\(text)' is not a time: write 2026-12-01 or 2026-12-01T10:00:00+07:00", code: 64)
}
