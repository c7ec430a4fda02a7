/// Lets the options every command takes come before the command's name, as people type them:
/// `meja --db FILE list` is read as `meja list --db FILE` (the parser wants a command's options after its name).
enum ArgumentOrder {
    /// The options of `GlobalOptions`, which every command takes.
    static let global: Set<String> = ["--db", "--config"]

    /// `arguments` (without the program name) with leading global options moved after the command, before any `--`;
    /// unchanged when no known command follows them.
    static func commandFirst(_ arguments: [String], commands: Set<String>) -> [String] {
        let i = afterGlobalOptions(arguments)
        guard i > 0, i < arguments.count, commands.contains(arguments[i]) else { return arguments }
        var rest = Array(arguments[i...])
        rest.insert(contentsOf: arguments[..<i], at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return rest
    }

    /// The word standing where a command's name goes that names no command (`meja lsit`), or nil. The desk, which
    /// runs without a command, takes no word of its own, so such a word is a mistyped command.
    static func unknownCommand(_ arguments: [String], commands: Set<String>) -> String? {
        let i = afterGlobalOptions(arguments)
        guard i < arguments.count else { return nil }
        let word = arguments[i]
        return word.hasPrefix("-") || commands.contains(word) || word == "help" ? nil : word
    }

    /// The index just after the leading global options (`--db FILE`, `--config=FILE`).
    private static func afterGlobalOptions(_ arguments: [String]) -> Int {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if global.contains(a), i + 1 < arguments.count {
                i += 2
            } else if global.contains(where: { a.hasPrefix($0 + "=") }) {
                i += 1
            } else {
                break
            }
        }
        return i
    }
}
