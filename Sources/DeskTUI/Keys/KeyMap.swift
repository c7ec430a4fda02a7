/// The live key bindings: the action table's defaults with the user's `keys.toml` over them.
public struct KeyMap: Sendable {
    private var bindings: [KeyContext: [ActionID: [Key]]]
    private var lookup: [KeyContext: [Key: ActionID]] = [:]

    /// The bindings of the action table, untouched.
    public static let defaults = KeyMap()

    private init() {
        var b: [KeyContext: [ActionID: [Key]]] = [:]
        for spec in ActionTable.all {
            for context in spec.contexts { b[context, default: [:]][spec.id] = spec.defaultKeys(in: context) }
        }
        bindings = b
        rebuildLookup()
    }

    /// The action `key` triggers in `context`, if any.
    public func action(for key: Key, in context: KeyContext) -> ActionID? { lookup[context]?[key] }

    /// The keys bound to `action` in `context`, in the order they were given.
    public func keys(for action: ActionID, in context: KeyContext) -> [Key] { bindings[context]?[action] ?? [] }

    /// Keys that trigger more than one action in a context (none in a valid map).
    public func conflicts(in context: KeyContext) -> [(key: Key, actions: [ActionID])] {
        var seen: [Key: [ActionID]] = [:]
        for spec in ActionTable.actions(in: context) {
            for key in keys(for: spec.id, in: context) { seen[key, default: []].append(spec.id) }
        }
        return seen.filter { $0.value.count > 1 }.map { (key: $0.key, actions: $0.value) }.sorted { $0.key < $1.key }
    }

    /// Replaces the keys of `action` in `context` (used by `keys.toml`).
    mutating func bind(_ action: ActionID, in context: KeyContext, to keys: [Key]) {
        bindings[context, default: [:]][action] = keys
        rebuildLookup()
    }

    private mutating func rebuildLookup() {
        var out: [KeyContext: [Key: ActionID]] = [:]
        for spec in ActionTable.all {
            for context in spec.contexts {
                for key in keys(for: spec.id, in: context) where out[context]?[key] == nil {
                    out[context, default: [:]][key] = spec.id
                }
            }
        }
        lookup = out
    }
}
