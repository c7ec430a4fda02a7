/// Lets the options every command takes come before the command's name, as people type them:
/// `meja --db FILE list` is read as `meja list --db FILE` (the parser wants a command's options after its name).
enum ArgumentOrder {
    /// The options of `GlobalOptions`, which every command takes.
    static let global: Set<String> = ["--db", "--config"]

    /// `arguments` (without the program name) with leading global options moved after the command, before any `--`;
    /// unchanged when no known command follows them.
    static func commandFirst(_ arguments: [String], commands: Set<String>) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if global.contains(a), i + 1 < arguments.count {
                leading += [a, arguments[i + 1]]
                i += 2
            } else if global.contains(where: { a.hasPrefix($0 + "=") }) {
                leading.append(a)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count, commands.contains(arguments[i]) else { return arguments }
        var rest = Array(arguments[i...])
        rest.insert(contentsOf: leading, at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return rest
    }
}
