import DeskCore
import Foundation

/// Reads `keys.toml`: per-context bindings over the action table's defaults.
///
/// ```toml
/// [queue]
/// move-down = ["j", "down", "ctrl-n"]
/// claim = "ctrl-k"
///
/// [composer]
/// open-review = "ctrl-r"
/// ```
///
/// Each entry replaces the default keys of that action in that section. Every problem (an unknown section,
/// action or key name, a key bound to two actions, a printable key that would stop typing in the composer) is
/// reported as `FILE:LINE: problem`, and the action it concerns keeps its default keys.
public enum KeyBindingsFile {
    /// `$XDG_CONFIG_HOME/meja/keys.toml` (else `~/.config/meja/keys.toml`).
    public static func defaultPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        MejaPaths.configDirectory(environment).appendingPathComponent("keys.toml").path
    }

    /// The bindings from the file at `path` (the defaults when it does not exist), and the problems found.
    public static func load(path: String) -> (keys: KeyMap, issues: [FileIssue]) {
        guard FileManager.default.fileExists(atPath: path) else { return (KeyMap.defaults, []) }
        do {
            return apply(try TOMLFile.load(path, skippingBadLines: true))
        } catch {
            return (KeyMap.defaults, [error])
        }
    }

    /// The bindings from TOML text (for tests).
    public static func parse(_ text: String, path: String) -> (keys: KeyMap, issues: [FileIssue]) {
        do {
            return apply(try TOMLFile(text: text, path: path, skippingBadLines: true))
        } catch {
            return (KeyMap.defaults, [error])
        }
    }

    private struct Entry {
        var context: KeyContext
        var action: ActionID
        var keys: [Key]
        var line: Int?
    }

    private static func apply(_ file: TOMLFile) -> (keys: KeyMap, issues: [FileIssue]) {
        var issues: [FileIssue] = []
        var entries: [Entry] = []
        let knownSections = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
        for (section, value) in file.root.sorted(by: { $0.key < $1.key }) {
            guard let context = KeyContext(rawValue: section) else {
                issues.append(file.issue("unknown section [\(section)]; the sections are \(knownSections)", table: section))
                continue
            }
            guard let table = value.table else {
                issues.append(file.issue("\(section) must be a section ([\(section)]) of action = key lines", table: nil, key: section))
                continue
            }
            for (name, keysValue) in table.sorted(by: { $0.key < $1.key }) {
                let line = file.line(table: section, key: name)
                func report(_ message: String) { issues.append(FileIssue(file: file.path, line: line, message)) }
                guard let action = ActionID(rawValue: name) else {
                    report("unknown action '\(name)'; docs/keys.md lists the actions and their ids")
                    continue
                }
                guard ActionTable.spec(action).contexts.contains(context) else {
                    let places = ActionTable.spec(action).contexts.map(\.rawValue).joined(separator: ", ")
                    report("'\(name)' does nothing in [\(section)]; it can be bound in [\(places)]")
                    continue
                }
                guard let names = keysValue.strings else {
                    report("'\(name)' must be a key name or a list of them, such as \"ctrl-r\" or [\"j\", \"down\"]; found \(keysValue.kindName)")
                    continue
                }
                var keys: [Key] = []
                var bad: [String] = []
                for n in names {
                    if let key = Key(name: n) { keys.append(key) } else { bad.append(n) }
                }
                if !bad.isEmpty {
                    report("unknown key \(bad.map { "'\($0)'" }.joined(separator: ", ")) for '\(name)'; write a character, a name such as enter, esc, tab, shift-tab, up, pgdn, space, or ctrl-x / f1")
                    continue
                }
                if context.acceptsText, let typed = keys.first(where: \.isPrintable) {
                    report("'\(typed.name)' cannot be bound in [\(section)]: it is typed as text there; use a ctrl- or function key")
                    continue
                }
                entries.append(Entry(context: context, action: action, keys: keys, line: line))
            }
        }
        let keys = resolve(entries, file: file.path, issues: &issues)
        // In the order of the file, as a reader goes through it (sections come out of the parser in any order).
        return (keys, file.inLineOrder(with: issues))
    }

    /// Applies the entries; an entry whose keys collide with another action keeps its defaults instead.
    private static func resolve(_ entries: [Entry], file: String, issues: inout [FileIssue]) -> KeyMap {
        var active = entries
        while true {
            var map = KeyMap.defaults
            for e in active { map.bind(e.action, in: e.context, to: e.keys) }
            // Find an entry involved in a conflict; drop it (keeping that action's defaults) and try again.
            var dropped: Int? = nil
            for (index, e) in active.enumerated() {
                for conflict in map.conflicts(in: e.context) where conflict.actions.contains(e.action) && e.keys.contains(conflict.key) {
                    let others = conflict.actions.filter { $0 != e.action }.map(\.rawValue).joined(separator: ", ")
                    issues.append(FileIssue(file: file, line: e.line,
                        "'\(conflict.key.name)' is already bound to \(others) in [\(e.context.rawValue)]; '\(e.action.rawValue)' keeps its default keys (\(KeyMap.defaults.keys(for: e.action, in: e.context).map(\.name).joined(separator: ", ")))"))
                    dropped = index
                    break
                }
                if dropped != nil { break }
            }
            guard let index = dropped else { return map }
            active.remove(at: index)
        }
    }
}
