import ArgumentParser
import DeskCore

/// `meja suggest ID`
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Ranked reply templates for a comment, rendered for it, with the tone verdict and reasons.",
        discussion: "Send one with `meja reply ID --template TEMPLATE_ID`. Templates: the shipped library plus ~/.config/meja/templates/*.toml (see docs/templates.md).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Option(parsing: .unconditional, help: "How many suggestions.") var limit: Int = 5

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit is a number of suggestions, 1 or more") }
    }
    @Flag(help: "Print JSON: {tone, suggestions: [{template_id, score, humor, text, reasons}]}.") var json = false

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let commentID = try desk.resolve(id)
            let (verdict, suggestions) = try global.openAssistant(desk).suggestions(for: commentID, limit: limit)
            if json {
                Console.out(JSONValue.object(["comment_id": .int(commentID), "tone": verdict.json,
                                              "suggestions": .array(suggestions.map(\.json))]).prettyText)
                return
            }
            Console.out("Tone: humour allowed \(verdict.humorAllowed.rawValue) — " + verdict.reasons.joined(separator: "; "))
            for (i, s) in suggestions.enumerated() {
                Console.out("")
                Console.out("\(i + 1). \(s.templateID) v\(s.templateVersion)  score \(s.score)  humour \(s.humor.rawValue)  — \(s.title)")
                for line in TextLayout.wrap(SafeText.sanitize(s.text, lines: .keep), width: min(Console.width, 100) - 3) { Console.out("   " + line) }
                Console.out("   why: " + s.reasons.joined(separator: "; "))
            }
        }
    }
}
