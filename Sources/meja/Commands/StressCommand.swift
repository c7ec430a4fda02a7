import ArgumentParser
import DeskCore

/// `meja stress-replies`: replies to waiting comments one after another, as fast as it can. Hidden: the crash
/// test kills it mid-flight to prove that no reply is ever stored without its log event.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-replies", abstract: "Reply to waiting comments in a loop (for crash tests).", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many replies.") var count: Int = 100

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            var sent = 0
            var query = QueueQuery(now: desk.now, limit: 20)
            query.assignee = .unassigned
            work: while sent < count {
                let page = try desk.queue(query)
                if page.isEmpty { break }
                for item in page {
                    // Claim first: when several writers race for the same comment, one wins and the others move on.
                    do {
                        try desk.claim(item.comment.id)
                    } catch DeskError.claimedByOther {
                        continue
                    }
                    try desk.reply(item.comment.id, ReplyRequest(text: "Terima kasih, Kak. Laporan nomor \(item.comment.id) kami proses 🙏"))
                    sent += 1
                    continue work
                }
            }
            Console.out("\(sent) replies")
        }
    }
}
