import DeskCore
import Foundation

/// The desk's run loop: draw, wait for a key (or the timeout), route it, reduce, carry out effects, repeat.
///
/// Between keys it ticks the clock (SLA timers move without a keypress), polls `Desk.changeToken()` about
/// twice a second (another process's change appears within a second), and saves the draft being typed.
///
/// Loads can run in the background (`Loading.responsive`): after a key the desk waits a frame's budget for
/// them, draws, and shows what arrives later as it arrives, so a slow query on a large desk never freezes the
/// keyboard. Writes always run in order, on the spot.
public final class DeskApp {
    /// How loads are carried out.
    public enum Loading: Sendable {
        /// Every load finishes before a key is done (tests, scripts).
        case waitForAll
        /// Loads run in the background; a key waits at most `budget` seconds for the ones its screen needs.
        case responsive(budget: TimeInterval)
    }

    public private(set) var state: AppState
    /// The key bindings in force (kept in the state, where the help overlay reads them too).
    public var keys: KeyMap { state.keys }
    public var loading: Loading = .waitForAll
    private let runner: EffectRunner
    private let inbox = LoadInbox()
    private let loader = DispatchQueue(label: "meja.desk.loads", qos: .userInitiated)
    /// Long reads (reports) run here, beside the quick loads rather than ahead of them.
    private let longLoader = DispatchQueue(label: "meja.desk.reports", qos: .userInitiated)
    private let clock: any WallClock
    private var lastToken: Int64?
    /// Uptime (seconds) of the last look for other processes' changes: paced by real time even when the
    /// desk's clock is fixed (`MEJA_NOW`).
    private var lastPoll: TimeInterval = 0

    /// How long a key waits for the loads its screen needs before the screen is drawn anyway (seconds).
    public static let frameBudget: TimeInterval = 0.004
    /// How long to wait for a key before ticking, in milliseconds.
    static let inputTimeout = 250
    /// How often to look for changes by other processes.
    static let pollInterval: TimeInterval = 0.5

    public init(desk: Desk, keys: KeyMap = .defaults, assistant: (any DeskAssistant)? = nil, language: Language, size: Size,
                isSupervisor: Bool, cannotAct: Localized? = nil) {
        clock = desk.clock
        runner = EffectRunner(desk: desk, assistant: assistant, language: language)
        state = AppState(size: size, now: desk.now, language: language, actor: desk.actor.name, isSupervisor: isSupervisor,
                         agency: desk.config.agencyName)
        state.timeZone = desk.config.calendar.zone
        state.channels = desk.config.channels
        state.keys = keys
        state.cannotAct = cannotAct
    }

    /// Feeds one event through the reducer and carries out the effects (and the events they produce) until
    /// nothing is left to do, then waits (within the loading budget) for the loads the screen needs.
    public func dispatch(_ event: AppEvent) {
        apply([event])
        if case .responsive(let budget) = loading {
            settle(until: .now() + budget, secondary: false)
        } else {
            settle(until: .distantFuture, secondary: true)
            apply([.idle])
            settle(until: .distantFuture, secondary: true)
        }
    }

    private func apply(_ events: [AppEvent]) {
        var pending = events
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in Reducer.apply(&state, next) { pending += perform(effect) }
        }
    }

    private func perform(_ effect: Effect) -> [AppEvent] {
        if runner.strings.language != state.language { runner.strings = state.strings }
        guard case .responsive = loading, effect.isRead else { return runner.perform(effect) }
        inbox.begin(effect)
        let (desk, assistant, inbox) = (runner.desk, runner.assistant, inbox)
        (effect.isLong ? longLoader : loader).async {
            inbox.finish(effect, inbox.isStale(effect) ? [] : EffectRunner.load(effect, desk: desk, assistant: assistant))
        }
        return []
    }

    /// Applies whatever background loads have delivered, waiting until `deadline` for the rest (all of them
    /// with `secondary`, else only those the screen needs).
    public func settle(until deadline: DispatchTime = .distantFuture, secondary: Bool = true) {
        while true {
            apply(inbox.take())
            let pending = inbox.pending
            if (secondary ? pending.all : pending.primary) == 0 { return }
            if !inbox.wait(until: deadline) { return }
        }
    }

    /// Applies what has arrived, without waiting.
    func drain() { apply(inbox.take()) }

    /// How the bell is rung (the run loop sets it to the terminal's; tests set a stand-in).
    var ring: (() -> Void)? {
        get { runner.ring }
        set { runner.ring = newValue }
    }

    /// How the external editor is run (the run loop sets it to suspend the terminal around `$EDITOR`; tests
    /// set a stand-in).
    var editText: ((String) throws -> String)? {
        get { runner.editText }
        set { runner.editText = newValue }
    }

    /// Loads the first screen's data.
    public func start(issues: [String] = []) {
        state.startupIssues = issues
        apply([.externalChange])
        settle(until: .distantFuture, secondary: false)
        apply([.idle])
        if case .waitForAll = loading { settle() }
        lastToken = try? runner.desk.changeToken()
    }

    /// The screen as it stands, drawn into a grid.
    public func frame() -> CellGrid { DeskView.render(state, keys: keys) }

    /// Handles one key press as the terminal delivered it.
    public func press(_ key: Key) {
        guard let event = InputRouter.event(for: key, in: state, keys: keys) else { return }
        dispatch(event)
    }

    /// Runs on `terminal` until the user quits.
    @MainActor
    public func run(on terminal: Terminal) {
        if runner.desk.config.bell { ring = { [unowned terminal] in MainActor.assumeIsolated { terminal.bell() } } }
        editText = { [unowned terminal] text in
            try MainActor.assumeIsolated { try terminal.suspended { try ExternalEditor.edit(text) } }
        }
        var size = terminal.size
        dispatch(.resized(size))
        Terminal.loopRunning = 1
        defer { Terminal.loopRunning = 0 }
        while state.running {
            drain()
            terminal.present(frame())
            // While loads are out, look again soon so their results show promptly.
            let key = terminal.readKey(timeout: inbox.pending.all > 0 ? 30 : Self.inputTimeout)
            // Ctrl-C, SIGTERM or a closed terminal: end here, so that what is unsaved is saved below.
            if Terminal.endRequested != 0 { break }
            if key == .resize || terminal.size != size {
                size = terminal.size
                dispatch(.resized(size))
            }
            if let key, key != .resize { press(key) }
            if key == nil { dispatch(.tick(clock.now)) }
            let uptime = ProcessInfo.processInfo.systemUptime
            if uptime - lastPoll >= Self.pollInterval {
                lastPoll = uptime
                pollForChanges()
            }
        }
        // Leave nothing unsaved behind.
        if let c = state.composer, c.unsaved {
            _ = runner.perform(c.saveDraft)
        }
    }

    /// Reloads when the record changed since the last look.
    func pollForChanges() {
        guard let token = try? runner.desk.changeToken() else { return }
        if let last = lastToken, token != last { dispatch(.externalChange) }
        lastToken = token
    }
}
