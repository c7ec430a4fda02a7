import DeskCore
import Foundation

/// The desk's run loop: draw, wait for a key (or the timeout), route it, reduce, carry out effects, repeat.
///
/// Between keys it ticks the clock (SLA timers move without a keypress), polls `Desk.changeToken()` about
/// twice a second (another process's change appears within a second), and saves the draft being typed.
public final class DeskApp {
    public private(set) var state: AppState
    public let keys: KeyMap
    private let runner: EffectRunner
    private let clock: any WallClock
    private var lastToken: Int64?
    /// Uptime (seconds) of the last look for other processes' changes: paced by real time even when the
    /// desk's clock is fixed (`MEJA_NOW`).
    private var lastPoll: TimeInterval = 0

    /// How long to wait for a key before ticking, in milliseconds.
    static let inputTimeout = 250
    /// How often to look for changes by other processes.
    static let pollInterval: TimeInterval = 0.5

    public init(desk: Desk, keys: KeyMap = .defaults, assistant: (any DeskAssistant)? = nil, language: Language, size: Size,
                isSupervisor: Bool) {
        self.keys = keys
        clock = desk.clock
        runner = EffectRunner(desk: desk, assistant: assistant, language: language)
        state = AppState(size: size, now: desk.now, language: language, actor: desk.actor.name, isSupervisor: isSupervisor,
                         agency: desk.config.agencyName)
        state.timeZone = desk.config.calendar.zone
    }

    /// Feeds one event through the reducer and carries out the effects (and the events they produce) until
    /// nothing is left to do.
    public func dispatch(_ event: AppEvent) {
        var pending = [event]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in Reducer.apply(&state, next) { pending += runner.perform(effect) }
        }
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
        dispatch(.externalChange)
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
        editText = { [unowned terminal] text in
            try MainActor.assumeIsolated { try terminal.suspended { try ExternalEditor.edit(text) } }
        }
        var size = terminal.size
        dispatch(.resized(size))
        while state.running {
            terminal.present(frame())
            let key = terminal.readKey(timeout: Self.inputTimeout)
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
            _ = runner.perform(.saveDraft(commentID: c.commentID, text: c.editor.text, templateID: c.templateID))
        }
    }

    /// Reloads when the record changed since the last look.
    func pollForChanges() {
        guard let token = try? runner.desk.changeToken() else { return }
        if let last = lastToken, token != last { dispatch(.externalChange) }
        lastToken = token
    }
}
