/// The theme reference generated from the UI objects and the built-in roles: `docs/themes.md`.
///
/// A test fails when the file in the repository differs; regenerate it with
/// `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests`.
public enum ThemeReference {
    public static func markdown() -> String {
        var out = """
        # Meja themes

        <!-- Generated from Sources/DeskTUI/Surface/UIObject.swift and Theme.swift. Do not edit by hand:
             run `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests` to regenerate. -->

        Themes are TOML files in three layers (see `themes/default.toml` for a commented example):

        - `[palette]` names raw colours: a colour name (`red`, `bright-blue`, `default` for the terminal's own),
          an xterm index `0`–`255`, or `"#rrggbb"`.
        - `[roles]` give meanings a colour: `text`, `muted`, `accent`, `danger`, `warning`, `ok`, `selection`, each
          `{ fg = …, bg = …, attrs = […], mono = […] }`. `mono` attributes stand in for colour on terminals without
          it, under `NO_COLOR`, and where a colour has no 8-colour equivalent.
        - `[objects]` give each UI element below a role and attributes of its own: `"queue.badge.breached" = { role =
          "danger", attrs = ["bold"] }`.

        A top-level `color = false` makes a theme draw without colour even on a colour terminal (`monochrome`).
        Anything a theme leaves out keeps the built-in choice. Meja looks for `NAME.toml` in
        `$XDG_CONFIG_HOME/meja/themes` (`~/.config/meja/themes`), then in the shipped `themes/` folder (in an installed
        copy, `Meja_DeskCore.resources/Resources/themes/` beside the binary)
        (`MEJA_THEMES` names another folder for them, taken only when it holds a `default.toml`, and then instead of the
        shipped folder: copy the shipped themes you want into it). The package's `themes/` is a link to `Sources/DeskCore/Resources/themes`,
        so the resource bundle built beside the `meja` binary carries the shipped themes too. Choose one with `meja --theme NAME` or `theme = "NAME"` in
        `config.toml`. Errors are reported as `FILE:LINE: problem` and the rest of the theme still applies.

        Every SLA badge also carries a text glyph, so the queue reads the same without colour.

        | Object | Built-in role | Attributes | What it is |
        |---|---|---|---|

        """
        for object in UIObject.allCases {
            let style = Theme.defaultObjects[object] ?? Theme.ObjectStyle(.text)
            let attrs = style.attributes.sorted().map(\.rawValue).joined(separator: ", ")
            out += "| `\(object.rawValue)` | \(style.role.rawValue) | \(attrs) | \(object.summary) |\n"
        }
        return out
    }
}
