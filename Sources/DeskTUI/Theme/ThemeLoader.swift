import DeskCore
import Foundation

/// Finds and reads theme files: `$XDG_CONFIG_HOME/meja/themes/NAME.toml` first, then the shipped `themes/`
/// folder (`MEJA_THEMES`, beside the executable, in the resource bundle, then the source tree; the package's
/// `themes/` is a link to `Sources/DeskCore/Resources/themes`). Problems are `FILE:LINE: message`
/// issues; the desk then keeps running on what could be read, or on the built-in theme.
public enum ThemeLoader {
    /// The folders searched for `NAME.toml`, in order.
    public static func searchPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var out = [MejaPaths.configDirectory(environment).appendingPathComponent("themes")]
        if let shipped = shippedDirectory(environment) { out.append(shipped) }
        return out
    }

    /// The shipped `themes/` folder: `MEJA_THEMES`, else `themes` beside the executable (or in `../share/meja`),
    /// else the resource bundle's, else the package's `themes/` found from this source file.
    public static func shippedDirectory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = environment["MEJA_THEMES"], !env.isEmpty { candidates.append(URL(fileURLWithPath: env)) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("themes"))
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/meja/themes"))
        // The resource bundle beside the binary holds them too, so a binary copied elsewhere keeps its themes.
        if let resources = ShippedResources.directory { candidates.append(resources.appendingPathComponent("themes")) }
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { source.deleteLastPathComponent() }
        candidates.append(source.appendingPathComponent("themes"))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("default.toml").path) }
    }

    /// The names of every theme found (user themes first), without `.toml`.
    public static func available(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var names: [String] = []
        for dir in searchPath(environment) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in files.sorted() where f.hasSuffix(".toml") {
                let n = String(f.dropLast(5))
                if !names.contains(n) { names.append(n) }
            }
        }
        return names
    }

    /// The theme called `name` (or at the path `name`, when it contains `/`), with the problems found.
    /// A theme that cannot be found is reported and the shipped default (or the built-in theme) is used.
    public static func load(_ name: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (theme: Theme, issues: [FileIssue]) {
        let wanted = (name?.isEmpty ?? true) ? "default" : name!
        if wanted.contains("/") { return loadFile(wanted) }
        let dirs = searchPath(environment)
        for dir in dirs {
            let path = dir.appendingPathComponent(wanted + ".toml").path
            if FileManager.default.fileExists(atPath: path) { return loadFile(path) }
        }
        let places = dirs.map(\.path).joined(separator: ", ")
        let known = available(environment)
        let hint = known.isEmpty ? "" : " Themes found: \(known.joined(separator: ", "))."
        var issues = [FileIssue(file: wanted + ".toml", line: nil, "theme '\(wanted)' was not found in \(places); using the default theme.\(hint)")]
        if wanted != "default" {
            let fallback = load("default", environment: environment)
            issues += fallback.issues.filter { !$0.message.hasPrefix("theme 'default' was not found") }
            return (fallback.theme, issues)
        }
        return (.builtin, issues)
    }

    /// Reads one theme file.
    public static func loadFile(_ path: String) -> (theme: Theme, issues: [FileIssue]) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            return parse(try TOMLFile.load(path, skippingBadLines: true), name: name)
        } catch {
            return (.builtin, [error])
        }
    }

    /// Reads a theme from TOML text (tests, `meja theme --check`).
    public static func parse(_ text: String, path: String) -> (theme: Theme, issues: [FileIssue]) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            return parse(try TOMLFile(text: text, path: path, skippingBadLines: true), name: name)
        } catch {
            return (.builtin, [error])
        }
    }

    private static func parse(_ file: TOMLFile, name: String) -> (theme: Theme, issues: [FileIssue]) {
        var issues: [FileIssue] = []
        for key in file.root.keys.sorted() where !["palette", "roles", "objects", "name", "description", "color"].contains(key) {
            issues.append(file.issue("unknown section [\(key)]; a theme has [palette], [roles] and [objects]", table: key))
        }

        var palette: [String: ThemeColor] = [:]
        for (key, value) in (file.root["palette"]?.table ?? [:]).sorted(by: { $0.key < $1.key }) {
            let text = value.string ?? value.int.map(String.init)
            guard let text, let color = ThemeColor(parsing: text) else {
                issues.append(file.issue("palette colour '\(key)' must be a name (red, bright-blue, default), 0–255 or \"#rrggbb\"", table: "palette", key: key))
                continue
            }
            palette[key] = color
        }

        func color(_ value: ConfigValue?, table: String, key: String, field: String) -> ThemeColor?? {
            guard let value else { return .some(nil) }
            let text = value.string ?? value.int.map(String.init)
            if let text, let named = palette[text] { return .some(named) }
            if let text, let literal = ThemeColor(parsing: text) { return .some(literal) }
            issues.append(file.issue("\(key).\(field): '\(text ?? value.kindName)' is neither a [palette] name nor a colour", table: table, key: key))
            return nil
        }

        func attributes(_ value: ConfigValue?, table: String, key: String) -> Set<TextAttribute>? {
            guard let value else { return [] }
            guard let names = value.strings else {
                issues.append(file.issue("\(key): attrs must be a list such as [\"bold\", \"underline\"]", table: table, key: key))
                return nil
            }
            var out: Set<TextAttribute> = []
            for n in names {
                guard let a = TextAttribute(rawValue: n.lowercased()) else {
                    let known = TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")
                    issues.append(file.issue("\(key): unknown attribute '\(n)' (known: \(known))", table: table, key: key))
                    return nil
                }
                out.insert(a)
            }
            return out
        }

        var roles: [Theme.RoleName: Theme.Role] = [:]
        for (key, value) in (file.root["roles"]?.table ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let roleName = Theme.RoleName(rawValue: key) else {
                let known = Theme.RoleName.allCases.map(\.rawValue).joined(separator: ", ")
                issues.append(file.issue("unknown role '\(key)' (the roles are \(known))", table: "roles", key: key))
                continue
            }
            var role = Theme.defaultRoles[roleName] ?? Theme.Role()
            if value.string != nil || value.int != nil {
                guard let fg = color(value, table: "roles", key: key, field: "fg") else { continue }
                role.foreground = fg
            } else if let t = value.table {
                guard let fg = color(t["fg"], table: "roles", key: key, field: "fg"),
                      let bg = color(t["bg"], table: "roles", key: key, field: "bg"),
                      let attrs = attributes(t["attrs"], table: "roles", key: key),
                      let mono = attributes(t["mono"], table: "roles", key: key) else { continue }
                role.foreground = fg
                role.background = bg
                role.attributes = attrs
                if t["mono"] != nil { role.mono = mono }
            } else {
                issues.append(file.issue("role '\(key)' must be a colour or a table such as { fg = \"red\", attrs = [\"bold\"] }", table: "roles", key: key))
                continue
            }
            roles[roleName] = role
        }

        var objects: [UIObject: Theme.ObjectStyle] = [:]
        var flat: [(String, ConfigValue)] = []
        func flatten(_ table: [String: ConfigValue], prefix: String) {
            for (k, v) in table {
                let full = prefix.isEmpty ? k : prefix + "." + k
                if let t = v.table, t["role"] == nil, t["attrs"] == nil { flatten(t, prefix: full) } else { flat.append((full, v)) }
            }
        }
        flatten(file.root["objects"]?.table ?? [:], prefix: "")
        for (key, value) in flat.sorted(by: { $0.0 < $1.0 }) {
            guard let object = UIObject(rawValue: key) else {
                issues.append(file.issue("unknown UI object '\(key)'; docs/themes.md lists them", table: "objects", key: key))
                continue
            }
            let roleText = value.string ?? value.table?["role"]?.string
            guard let roleText, let role = Theme.RoleName(rawValue: roleText) else {
                issues.append(file.issue("'\(key)' needs a role (text, muted, accent, danger, warning, ok, selection), e.g. { role = \"danger\", attrs = [\"bold\"] }", table: "objects", key: key))
                continue
            }
            guard let attrs = attributes(value.table?["attrs"], table: "objects", key: key) else { continue }
            objects[object] = Theme.ObjectStyle(role, attrs)
        }
        var usesColor = true
        if let value = file.root["color"] {
            if let b = value.bool { usesColor = b } else {
                issues.append(file.issue("color must be true or false", key: "color"))
            }
        }
        return (Theme(name: name, usesColor: usesColor, roles: roles, objects: objects), file.inLineOrder(with: issues))
    }
}
