import Foundation

/// Large generated inboxes for benchmarks: `meja-jsonl` lines with realistic texts, spread over past days.
public enum SyntheticInbox {
    /// `count` meja-jsonl lines (newline-terminated), comments written over the `days` before `now`.
    public static func jsonl(count: Int, now: Date, days: Int = 30, seed: UInt64 = 7) -> Data {
        var rng = DemoRandom(seed: seed)
        var out = Data()
        out.reserveCapacity(count * 260)
        let platforms = Platform.social
        let texts = DemoCorpus.lines.map(\.text)
        let span = Double(days * 86_400)
        for i in 0..<count {
            let p = platforms[i % platforms.count]
            let t = now - Double.random(in: 0..<span, using: &rng)
            let text = rng.pick(texts).replacingOccurrences(of: "{place}", with: rng.pick(DemoCorpus.places))
                .replacingOccurrences(of: "{service}", with: rng.pick(DemoCorpus.services))
            let record = CommentRecord(platform: p, id: "b\(i)", author: Author(id: String(i % 50_000), handle: "warga\(i % 50_000)"),
                                       text: text, createdAt: t, threadID: "post\(i % 500)", inReplyTo: "post\(i % 500)",
                                       channel: "@diskominfo_contoh", lang: "id")
            out.append(contentsOf: record.json.text.utf8)
            out.append(0x0A)
        }
        return out
    }
}
