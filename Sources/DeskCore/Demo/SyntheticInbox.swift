import Foundation

/// Large generated inboxes for benchmarks: `meja-jsonl` lines with realistic texts, spread over past days.
public enum SyntheticInbox {
    /// `count` meja-jsonl lines (newline-terminated), comments written over the `days` before `now`.
    /// `prefix` begins every comment's id, so that a second inbox (another prefix) is new to a desk holding the first.
    public static func jsonl(count: Int, now: Date, days: Int = 30, seed: UInt64 = 7, prefix: String = "b") -> Data {
        var out = Data()
        out.reserveCapacity(count * 260)
        forEachComment(count: count, now: now, days: days, seed: seed, prefix: prefix) { _, record in
            out.append(contentsOf: record.json.text.utf8)
            out.append(0x0A)
        }
        return out
    }

    /// The agency's answers, posted on the platform, to the comments of `jsonl` with the same arguments — all but
    /// every `unansweredEvery`-th — as meja-jsonl `from_agency` lines, 5 minutes to 6 hours after each comment (an
    /// answer that would come after `now` is left out).
    public static func agencyAnswers(count: Int, now: Date, days: Int = 30, seed: UInt64 = 7, unansweredEvery: Int = 3) -> Data {
        var out = Data()
        out.reserveCapacity(count * 200)
        forEachComment(count: count, now: now, days: days, seed: seed) { i, comment in
            let at = comment.createdAt + Double(300 + (i &* 7_919) % 21_300)
            guard i % unansweredEvery != 0, at < now else { return }
            let answer = CommentRecord(platform: comment.platform, id: "a\(i)", author: Author(handle: "@diskominfo_contoh"),
                                       text: "Terima kasih, Kak. Laporan sudah kami teruskan ke petugas.", createdAt: at,
                                       threadID: comment.threadID, inReplyTo: comment.id, channel: comment.channel, fromAgency: true)
            out.append(contentsOf: answer.json.text.utf8)
            out.append(0x0A)
        }
        return out
    }

    /// `count` messages of the agency's own (meja-jsonl `from_agency` lines) over the `days` before `now`: every other one
    /// a post answering no one, the rest answers to comments not on the desk (written before the export began), which
    /// wait for them.
    public static func agencyPosts(count: Int, now: Date, days: Int = 30) -> Data {
        var out = Data()
        let platforms = Platform.social
        for i in 0..<count {
            let post = CommentRecord(platform: platforms[i % platforms.count], id: "p\(i)", author: Author(handle: "@diskominfo_contoh"),
                                     text: "Info layanan hari ini: jam buka, syarat dan tautan pendaftaran.",
                                     createdAt: now - Double(days * 86_400) * Double(i) / Double(max(1, count)),
                                     inReplyTo: i % 2 == 0 ? nil : "earlier\(i)", channel: "@diskominfo_contoh", fromAgency: true)
            out.append(contentsOf: post.json.text.utf8)
            out.append(0x0A)
        }
        return out
    }

    /// The texts of the comments of `jsonl` with the same arguments, in order.
    public static func texts(count: Int, now: Date, days: Int = 30, seed: UInt64 = 7) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        forEachComment(count: count, now: now, days: days, seed: seed) { _, record in texts.append(record.text) }
        return texts
    }

    /// The generated comments in order, with their index (the same for the same arguments).
    private static func forEachComment(count: Int, now: Date, days: Int, seed: UInt64, prefix: String = "b", _ body: (Int, CommentRecord) -> Void) {
        var rng = DemoRandom(seed: seed)
        let platforms = Platform.social
        let texts = DemoCorpus.lines.map(\.text)
        let span = Double(days * 86_400)
        for i in 0..<count {
            let p = platforms[i % platforms.count]
            let t = now - Double.random(in: 0..<span, using: &rng)
            let text = rng.pick(texts).replacingOccurrences(of: "{place}", with: rng.pick(DemoCorpus.places))
                .replacingOccurrences(of: "{service}", with: rng.pick(DemoCorpus.services))
            body(i, CommentRecord(platform: p, id: "\(prefix)\(i)", author: Author(id: String(i % 50_000), handle: "warga\(i % 50_000)"),
                                  text: text, createdAt: t, threadID: "post\(i % 500)", inReplyTo: "post\(i % 500)",
                                  channel: "@diskominfo_contoh", lang: "id"))
        }
    }
}
