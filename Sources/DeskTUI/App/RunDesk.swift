import DeskCore
import Foundation

/// Opens the desk on the terminal and runs it until the user quits; the terminal is restored however it ends.
///
/// - Parameters:
///   - desk: the desk service (store, config, clock, acting staff member).
///   - theme: a theme name or path (`--theme`); nil uses the config's `theme`, else `default`.
///   - assistant: tone verdicts and reply suggestions; nil loads the shipped and the agency's templates
///     (`ReplyAssistant.loadLibrary()`), reporting problems in their files like those of keys and themes.
///   - environment: where `LANG`/`LC_*`, `NO_COLOR`, `XDG_CONFIG_HOME`, `MEJA_THEMES` and `$EDITOR` are read.
///
/// Problems in `keys.toml`, the theme and the templates are printed to standard error as `FILE:LINE: problem` before
/// the screen opens (those of `config.toml` were printed when it was read), all of them are shown over the status line
/// until the first key, and the defaults are used for them.
/// Call it from the main thread.
@MainActor
public func runDesk(desk: Desk, theme: String? = nil, assistant: (any DeskAssistant)? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    var setup = DeskSetup(desk: desk, theme: theme, environment: environment)
    var helper = assistant
    if helper == nil {
        let (library, issues) = ReplyAssistant.loadLibrary()
        setup.issues += issues.map(\.description)
        helper = ReplyAssistant(desk: desk, library: library)
    }
    for issue in setup.issues { FileHandle.standardError.write(Data(("meja: " + issue + "\n").utf8)) }
    let terminal = Terminal(theme: setup.theme, environment: environment)
    try terminal.start()
    defer {
        terminal.stop()
        // Ended by Ctrl-C, SIGTERM or a closed terminal: the draft is saved and the screen restored; end as the signal
        // would have (exit status 128 + its number).
        Terminal.endAsRequested()
    }
    let app = DeskApp(desk: desk, keys: setup.keys, assistant: helper, language: setup.language, size: terminal.size,
                      isSupervisor: setup.isSupervisor, cannotAct: setup.cannotAct)
    app.loading = .responsive(budget: DeskApp.frameBudget)
    app.start(issues: setup.configIssues + setup.issues + [setup.calendarWarning, setup.cannotAct?(setup.language)].compactMap { $0 })
    app.run(on: terminal)
}

/// `runDesk` for callers that are not isolated to the main actor (a command's `run()` on the main thread).
public func runDeskOnMainThread(desk: Desk, theme: String? = nil, assistant: (any DeskAssistant)? = nil) throws {
    try MainActor.assumeIsolated { try runDesk(desk: desk, theme: theme, assistant: assistant) }
}

/// What the desk reads before it opens: language, key bindings, theme and the actor's role.
struct DeskSetup {
    var language: Language
    var keys: KeyMap
    var theme: Theme
    var isSupervisor: Bool
    /// Why the actor cannot act, when they are not an active member of the staff list.
    var cannotAct: Localized?
    /// Problems found in `keys.toml` and the theme, as `FILE:LINE: problem`.
    var issues: [String]
    /// Problems of the configuration the desk runs on (a standard left out stays out all day: the desk says so too).
    var configIssues: [String]
    /// A year without holidays that deadlines may fall in (the command line has warned about it already).
    var calendarWarning: String?

    init(desk: Desk, theme name: String?, environment: [String: String]) {
        language = Language.fromEnvironment(environment)
        let bindings = KeyBindingsFile.load(path: KeyBindingsFile.defaultPath(environment))
        keys = bindings.keys
        let loaded = ThemeLoader.load(name ?? desk.config.theme, environment: environment)
        theme = loaded.theme
        issues = (bindings.issues + loaded.issues).map(\.description)
        let strings = Strings(language)
        configIssues = desk.config.issues.map { strings.format(.configDefaultUsed, $0.description) }
        calendarWarning = BusinessCalendar.missingHolidaysWarning(desk.config.yearsWithoutHolidays(from: desk.now))?(language)
        // On an empty staff list the first person to act becomes its supervisor.
        let staff = (try? desk.staff()) ?? []
        isSupervisor = staff.isEmpty || staff.contains { $0.name == desk.actor.name && $0.role == .supervisor && $0.active }
        cannotAct = Desk.actingRefusal(desk.actor.name, staff: staff)
    }
}
