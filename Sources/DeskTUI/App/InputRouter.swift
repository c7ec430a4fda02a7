/// Turns a key press into an event: the action bound to it in the current context, typed text where the
/// context takes text, or nothing.
public enum InputRouter {
    public static func event(for key: Key, in state: AppState, keys: KeyMap) -> AppEvent? {
        let context = state.keyContext
        // A paste is text, never commands: typed where text goes, dropped elsewhere (a stray paste in the queue claims nothing).
        if case .paste(let text) = key { return context.acceptsText ? .pasted(text) : nil }
        if let action = keys.action(for: key, in: context) {
            if ActionTable.spec(action).supervisorOnly, !state.isSupervisor { return .denied(action) }
            return .action(action)
        }
        if context.acceptsText, case .char(let c) = key { return .typed(String(c)) }
        return nil
    }
}
