import ArgumentParser
import DeskCore
import Foundation

/// The options every command takes: where the database and the configuration are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", discussion: "Default: $MEJA_DB, else $XDG_DATA_HOME/meja/meja.sqlite (~/.local/share/meja/meja.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file.", discussion: "Default: $XDG_CONFIG_HOME/meja/config.toml when it exists, else the shipped defaults.", valueName: "file"))
    var config: String?

    /// The help of every command's comment argument: the desk's id, or the platform's (`x:1863…`), as `Desk.resolve` takes.
    static let commentArgument = ArgumentHelp("The comment: its Meja id, or PLATFORM:EXTERNAL_ID.", valueName: "id")

    /// The database path these options resolve to.
    var databasePath: String { MejaPaths.database(explicit: db) }

    /// Opens the desk: store, configuration (problems reported on stderr, defaults kept), clock and actor.
    /// `creating` lets the command start a new database where none is (see `openStore`).
    func openDesk(creating: Bool = false) throws -> Desk {
        let config = try loadConfig()
        let machine = try ClockFromEnvironment.make()
        let store = try openStore(creating: creating)
        // Actions are never dated before the log's last event (see `LogFlooredClock`).
        let last = try? store.read { try $0.lastEvent() }.flatMap { Timestamp.parse($0.at) }
        let clock = last.map { LogFlooredClock(machine, floor: $0) } ?? machine
        if let last, last.timeIntervalSince(machine.now) > 60 {
            Console.warn("meja: the clock (\(Timestamp.utc(machine.now))\(ProcessInfo.processInfo.environment["MEJA_NOW"].flatMap { $0.isEmpty ? nil : ", from MEJA_NOW" } ?? "")) is before the log's last event (\(Timestamp.utc(last))): now is taken as \(Timestamp.utc(last)), and what you do is dated so, since the log's times never go back")
        }
        warnAboutHolidays(config, now: clock.now)
        return Desk.withReplyChecks(store: store, config: config, clock: clock, actor: .fromEnvironment())
    }

    /// Opens the database. Only commands that put something in it (`import`, `demo`, `fetch`, `staff add`, the desk)
    /// create one where none is; the others refuse the path (exit 64), since a mistyped `--db` would otherwise show an
    /// empty queue, or a log that "verifies".
    func openStore(creating: Bool = false) throws -> SQLiteStore {
        let path = databasePath
        // An empty file is no database either (SQLite would quietly make it one).
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if !creating, size == nil || size == 0 {
            throw CLIError(message: "there is no Meja database at \(path). Check --db or MEJA_DB; `meja import FILE` or `meja demo --seed-only` creates one.", code: 64)
        }
        do {
            return try SQLiteStore(path: path)
        } catch let e as StoreError where e == .readOnly(path) {
            throw CLIError(message: "\(e). Staff sharing one desk need write access to it, its -wal and -shm files and its folder (README, \"Where data and configuration live\"). To inspect or verify it alone, copy the file and its -wal file (recent changes, when there is one) to a folder of your own, keeping their names: cp '\(path)' /tmp/ && { cp '\(path)-wal' /tmp/ 2>/dev/null || true; } && meja log verify --db '/tmp/\(URL(fileURLWithPath: path).lastPathComponent)'", code: 64)
        } catch StoreError.cannotOpen(let why) {
            // A wrong path (a folder, another kind of file) is a usage error, not a failed check.
            throw CLIError(message: "cannot open the database: \(why). Check --db or MEJA_DB.", code: 64)
        } catch let e as StoreError {
            // Another program's database is a wrong path too.
            if case .notMeja = e { throw CLIError(message: "\(e).", code: 64) }
            throw CLIError(message: "\(e)", code: 1)
        } catch {
            throw CLIError(message: "\(error)", code: 1)
        }
    }

    /// The configuration, with each problem in it printed as `FILE:LINE: problem`.
    func loadConfig() throws -> DeskConfig {
        // A file named on the command line that is not there is a mistake (a typo would otherwise run on the defaults,
        // and an import would measure its comments under the wrong standard).
        if let path = config, !FileManager.default.fileExists(atPath: path) {
            throw CLIError(message: "there is no configuration file at \(path): check --config (without it, Meja reads $XDG_CONFIG_HOME/meja/config.toml when there is one)", code: 64)
        }
        if let warning = ShippedResources.missingWarning { Console.warn("meja: " + warning) }
        let config = DeskConfig.load(path: config)
        for issue in config.issues { Console.warn("\(issue) (the default is used instead)") }
        if config.issues.isEmpty == false, let source = config.source {
            Console.warn("meja: \(source) has problems; Meja runs on the defaults for the settings named above")
        }
        return config
    }

    /// Names a year that deadlines set now may fall in and the calendar has no holidays for.
    private func warnAboutHolidays(_ config: DeskConfig, now: Date) {
        if let warning = BusinessCalendar.missingHolidaysWarning(config.yearsWithoutHolidays(from: now)) {
            Console.warn("meja: " + warning.en)
        }
    }
}

/// An error that has already been explained to the user, with its exit status.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

extension GlobalOptions {
    /// The reply assistant over the template library; problems in template files are printed as `FILE:LINE: problem`.
    func openAssistant(_ desk: Desk) -> ReplyAssistant {
        let (library, issues) = ReplyAssistant.loadLibrary()
        for issue in issues { Console.warn(issue.description) }
        return ReplyAssistant(desk: desk, library: library)
    }
}
