import ArgumentParser
import DeskCore
import Foundation

/// `meja fetch mastodon --instance URL --token-file FILE [--since-id ID]`: pulls new mentions, and the agency's
/// replies written outside Meja, from a platform API.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Pull new comments from a platform's API into the desk.",
        subcommands: [Mastodon.self])

    /// `meja fetch mastodon`.
    struct Mastodon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mastodon",
            abstract: "Pull new mentions of the agency's account, and its replies written on the web, from a Mastodon server.",
            discussion: prose("""
                Reads GET /api/v1/notifications?types[]=mention through the server's REST API with the account's access
                token, page by page, waiting when the server's rate limit asks for it. Then it reads the account's own
                statuses (GET /api/v1/accounts/verify_credentials, then /api/v1/accounts/:id/statuses): those that
                answer something are the agency's replies written on Mastodon's web or apps, and stop the clocks of
                what they answer; its original posts are passed over. Give the token the scopes read:notifications,
                read:accounts and read:statuses; without the last two the mentions are still fetched, with a warning
                that replies written on the web are not counted.
                The newest id of each listing is kept in the database per server, so the next run fetches only new
                ones; --since-id starts the mentions from another notification id instead. Everything is imported
                like a file: already known items are skipped, bad ones are reported and the exit status is then 65.
                """))

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
                    let desk = try global.openDesk(creating: true)
                    // Waits are measured on the machine's clock (or MEJA_NOW): the desk's never goes back before the
                    // log's last event, which would shorten a wait the server asked for.
                    let fetcher = MastodonFetcher(instance: url, token: token, sleeper: AnnouncingSleeper(), clock: try ClockFromEnvironment.make())
                    let outcome = try fetcher.run(desk: desk, sinceID: sinceID)
                    let s = outcome.summary
                    for problem in s.rejected { Console.warn(problem.description) }
                    if let why = outcome.pages.stoppedEarly {
                        Console.warn("meja: stopped before reaching the last fetched mention: \(why). What was fetched is imported; the next run goes on from there.")
                    }
                    if let why = outcome.own.pages.stoppedEarly {
                        Console.warn("meja: stopped before reaching the agency's last fetched status: \(why). What was fetched is imported; the next run goes on from there.")
                    }
                    if let why = outcome.ownRepliesSkipped {
                        Console.warn("meja: the agency's replies written on the web were not fetched; the mentions were. \(why)")
                    }
                    let own = outcome.own.pages.entries
                    if json {
                        guard case .object(var o) = s.json else { return }
                        o["instance"] = .string(url.absoluteString)
                        o["mentions"] = .int(outcome.pages.mentions)
                        o["own_statuses"] = .int(own)
                        o["own_replies_skipped"] = .string(outcome.ownRepliesSkipped)
                        o["requests"] = .int(outcome.requests)
                        o["complete"] = .bool(outcome.pages.complete)
                        o["own_complete"] = .bool(outcome.ownRepliesSkipped == nil && outcome.own.pages.complete)
                        o["gap"] = .string(outcome.keptPosition.gapText)
                        o["own_gap"] = .string(outcome.keptOwnPosition.gapText)
                        o["since_id"] = .string(outcome.sinceID)
                        o["kept_since_id"] = .string(outcome.keptSinceID)
                        o["kept_own_since_id"] = .string(outcome.keptOwnSinceID)
                        Console.out(JSONValue.object(o).text)
                    } else {
                        let m = outcome.pages.mentions, p = outcome.pages.bodies.count + outcome.own.pages.bodies.count
                        Console.out("\(url.absoluteString): \(m) new mention\(m == 1 ? "" : "s") and \(own) own status\(own == 1 ? "" : "es") in \(p) page\(p == 1 ? "" : "s"): \(s.tally)")
                    }
                    if !s.rejected.isEmpty { throw ExitCode(65) }
                } catch let e as FetchError {
                    // A cron job reading --json gets the failure there too.
                    if json { Console.out(JSONValue.object(["instance": .string(instance), "error": .string(e.description), "exit": .int(Int(e.exitCode))]).text) }
                    throw CLIError(message: e.description, code: e.exitCode)
                }
            }
        }
    }
}

/// Really waits, and says so on standard error first (a rate-limit wait can last minutes).
private struct AnnouncingSleeper: Sleeper {
    func sleep(seconds: TimeInterval) {
        Console.warn("meja: waiting \(Int(seconds.rounded(.up))) s before the next request (the server's rate limit, or a retry)…")
        ThreadSleeper().sleep(seconds: seconds)
    }
}
