import ArgumentParser
import DeskCore
import Foundation

/// `meja fetch mastodon --instance URL --token-file FILE [--since-id ID]`: pulls new mentions from a platform API.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Pull new comments from a platform's API into the desk.",
        subcommands: [Mastodon.self])

    /// `meja fetch mastodon`.
    struct Mastodon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mastodon",
            abstract: "Pull new mentions of the agency's account from a Mastodon server.",
            discussion: """
                Reads GET /api/v1/notifications?types[]=mention through the server's REST API with the account's access
                token (scope read:notifications), page by page, waiting when the server's rate limit asks for it.
                The newest notification id is kept in the database per server, so the next run fetches only new
                mentions; --since-id starts from another id instead. Mentions are imported like a file: already known
                ones are skipped, bad ones are reported and the exit status is then 65.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The Mastodon server, e.g. https://mastodon.example.", valueName: "url"))
        var instance: String

        @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding the account's access token (only the token).", valueName: "file"))
        var tokenFile: String

        @Option(name: .customLong("since-id"), help: ArgumentHelp("Fetch mentions newer than this notification id instead of the one kept from the last run.", valueName: "id"))
        var sinceID: String?

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func run() throws {
            try guarded {
                do {
                    let url = try MastodonFetcher.instanceURL(instance)
                    let token = try MastodonFetcher.readToken(path: tokenFile)
                    let desk = try global.openDesk()
                    let fetcher = MastodonFetcher(instance: url, token: token, sleeper: AnnouncingSleeper(), clock: desk.clock)
                    let outcome = try fetcher.run(desk: desk, sinceID: sinceID)
                    let s = outcome.summary
                    for problem in s.rejected { Console.warn(problem.description) }
                    if let why = outcome.pages.stoppedEarly {
                        Console.warn("meja: stopped before reaching the last fetched mention: \(why). What was fetched is imported; the next run fills the gap.")
                    }
                    if json {
                        guard case .object(var o) = s.json else { return }
                        o["instance"] = .string(url.absoluteString)
                        o["mentions"] = .int(outcome.pages.mentions)
                        o["requests"] = .int(outcome.pages.requests)
                        o["complete"] = .bool(outcome.pages.complete)
                        o["since_id"] = .string(outcome.sinceID)
                        o["kept_since_id"] = .string(outcome.keptSinceID)
                        Console.out(JSONValue.object(o).text)
                    } else {
                        let m = outcome.pages.mentions, p = outcome.pages.bodies.count
                        Console.out("\(url.absoluteString): \(m) new mention\(m == 1 ? "" : "s") in \(p) page\(p == 1 ? "" : "s"): \(s.accepted) new, \(s.replies) agency replies, \(s.duplicates) already on the desk, \(s.rejected.count) rejected")
                    }
                    if !s.rejected.isEmpty { throw ExitCode(65) }
                } catch let e as FetchError {
                    throw CLIError(message: e.description, code: e.exitCode)
                }
            }
        }
    }
}

/// Really waits, and says so on standard error first (a rate-limit wait can last minutes).
private struct AnnouncingSleeper: Sleeper {
    func sleep(seconds: TimeInterval) {
        Console.warn("meja: the server asks to wait; waiting \(Int(seconds.rounded(.up))) s…")
        ThreadSleeper().sleep(seconds: seconds)
    }
}
