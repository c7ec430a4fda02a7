import DeskCore

/// The key reference generated from the action table: `docs/keys.md`.
///
/// A test fails when the file in the repository differs from `markdown()`; regenerate it with
/// `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests` (or `meja keys --markdown > docs/keys.md`).
/// `table(keys:language:)` is the same reference as the user's keys make it, for `meja keys`.
public enum KeyReference {
    /// The whole reference, one table per context, English and Indonesian descriptions side by side.
    public static func markdown(keys: KeyMap = .defaults) -> String {
        var out = """
        # Meja key reference

        <!-- Generated from the action table (Sources/DeskTUI/Keys/ActionTable.swift). Do not edit by hand:
             run `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests` to regenerate. -->

        Every key can be rebound per context in `$XDG_CONFIG_HOME/meja/keys.toml` (default
        `~/.config/meja/keys.toml`): one `[context]` section per screen, `action-id = "key"` or a list of keys.

        ```toml
        [queue]
        move-down = ["j", "down", "ctrl-n"]
        claim = "ctrl-k"

        [composer]
        open-review = "ctrl-r"
        ```

        Key names: a single character (`j`, `G`, `?`), `enter`, `esc`, `tab`, `shift-tab`, `backspace`, `delete`,
        `up`, `down`, `left`, `right`, `home`, `end`, `pgup`, `pgdn`, `space`, `ctrl-a` … `ctrl-z`, `f1` … `f12`.
        A key bound to two actions in one context, an unknown action or an unknown key is reported as
        `FILE:LINE: problem`, and that action keeps its default keys. Printable keys cannot be bound in the
        `composer` and `prompt` contexts, where they are typed as text. `meja keys` prints the keys as your
        `keys.toml` makes them, with its problems; `meja keys --markdown` prints this file.

        Columns: **S** — supervisors only (agents do not see it, and the core refuses it); **R** — changes the public
        record and is written to the accountability log.

        """
        for context in KeyContext.allCases {
            out += "\n## `[\(context.rawValue)]`\n\n"
            out += "| Keys | Action | Description | Keterangan | S | R |\n"
            out += "|---|---|---|---|---|---|\n"
            for spec in ActionTable.actions(in: context) {
                let bound = keys.keys(for: spec.id, in: context).map { "`\($0.name)`" }.joined(separator: " ")
                out += "| \(bound.isEmpty ? "—" : bound) | `\(spec.id.rawValue)` | \(escape(spec.summary.en)) | \(escape(spec.summary.id)) | "
                out += "\(spec.supervisorOnly ? "S" : "") | \(spec.changesRecord ? "R" : "") |\n"
            }
        }
        return out
    }

    /// The live key table for a terminal (`meja keys`): per context, as a `[section]` of `keys.toml`, each action's
    /// keys in `keys`, its id, its flags — `S` supervisors only, `R` changes the public record, `*` rebound (differs
    /// from the defaults) — and its description in `language`. An action left without keys shows `—`.
    public static func table(keys: KeyMap, language: Language) -> String {
        var out = Strings(language)[.keysLegend] + "\n"
        for context in KeyContext.allCases {
            let specs = ActionTable.actions(in: context)
            let bound = specs.map { spec -> String in
                let names = keys.keys(for: spec.id, in: context).map(\.name)
                return names.isEmpty ? "—" : names.joined(separator: " ")
            }
            let keyWidth = bound.map(DisplayWidth.of).max() ?? 0
            let idWidth = specs.map { $0.id.rawValue.count }.max() ?? 0
            out += "\n[\(context.rawValue)]\n"
            for (spec, keyNames) in zip(specs, bound) {
                let rebound = keys.keys(for: spec.id, in: context) != KeyMap.defaults.keys(for: spec.id, in: context)
                let flags = (spec.supervisorOnly ? "S" : " ") + (spec.changesRecord ? "R" : " ") + (rebound ? "*" : " ")
                out += "  " + TextLayout.fit(keyNames, to: keyWidth) + "  " + TextLayout.fit(spec.id.rawValue, to: idWidth) + "  "
                out += flags + "  " + spec.summary(language) + "\n"
            }
        }
        return out
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
