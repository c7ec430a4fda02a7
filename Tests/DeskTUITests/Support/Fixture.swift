import DeskCore
import Foundation
@testable import DeskTUI
import XCTest

/// A real desk on a temporary SQLite file with a fixed clock and a known set of comments.
final class Fixture {
    let directory: URL
    let store: SQLiteStore
    let clock: ManualClock
    let desk: Desk
    /// The comments' ids by their external id.
    private(set) var ids: [String: Int64] = [:]

    /// Tuesday 1 December 2026, 10:00 in Jakarta: inside business hours.
    static let now = Timestamp.parse("2026-12-01T10:00:00+07:00")!

    /// Hostile text: an OSC title change, a screen-clear CSI, a bidi override, and a bell.
    static let hostile = "Halo\u{1B}]0;PWNED-TITLE\u{07} admin\u{1B}[2J\u{1B}[H tolong \u{202E}kcab\u{202C} cek\u{07}"
    static let emoji = "Terima kasih 👨‍👩‍👧 🇮🇩 ❤️ 👍🏽 mantap"
    static let cjk = "你好，我的包裹在哪里？请帮忙查一下"

    /// `history`: several weeks of comments and the agency's answers before 1 December (`importReportHistory`), played
    /// first, as they came — the log's times never go back.
    init(reviewer: (any ReplyReviewer)? = nil, seed: Bool = true, history: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("meja-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("meja.sqlite").path)
        clock = ManualClock(Self.now)
        var config = DeskConfig()
        config.agencyName = "Diskominfo Kota Contoh"
        config.channels = ["@diskominfo"]
        desk = Desk(store: store, config: config, clock: clock, actor: ActorIdentity(name: "sari", login: "sari", overridden: false),
                    reviewer: reviewer, classifier: { text in
                        if text.contains("banjir") || text.contains("rusak") { return CommentTone(intent: .complaint, sentiment: -0.6) }
                        if text.contains("?") || text.contains("？") { return CommentTone(intent: .question, sentiment: 0) }
                        return CommentTone(intent: .other, sentiment: 0.2)
                    })
        if history { try importReportHistory() }
        try desk.putStaff(StaffMember(name: "sari", displayName: "Sari Wulandari", role: .supervisor))
        try desk.putStaff(StaffMember(name: "budi", displayName: "Budi Santoso", role: .agent))
        if seed { try importComments(Self.records) }
    }

    /// Set by a test that changes the tables or the log behind the desk on purpose.
    var tamperedWith = false

    deinit {
        // Whatever the test did through the desk, replaying the log gives the tables.
        if !tamperedWith {
            do {
                let check = try store.read { try LogStateCheck.check($0) }
                if !check.ok { XCTFail("the log does not account for the desk: \(check.disagreements.map(\.message.en))") }
            } catch { XCTFail("state check: \(error)") }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// (external id, platform, handle, name, text, created at (Jakarta, 1 Dec 2026), channel, thread, from agency)
    typealias Record = (id: String, platform: String, handle: String, name: String?, text: String, at: String,
                        channel: String?, thread: String?, agency: Bool)

    static let records: [Record] = [
        ("m1", "x", "@warga_rt05", "Pak RT 05", "Jalan di depan SD 3 rusak parah, sudah 2 minggu belum diperbaiki. Kapan ditangani?", "07:05", "@diskominfo", nil, false),
        ("m2", "instagram", "@ibu.sinta", "Sinta", "Air banjir masuk rumah lagi di Kelurahan Mekar, tolong pompa air dikirim", "07:40", "@diskominfo", "t2", false),
        ("m3", "facebook", "@andi.p", nil, hostile, "08:10", "@diskominfo", nil, false),
        ("m4", "youtube", "@vlogger_kota", "Vlogger Kota", emoji, "08:20", nil, nil, false),
        ("m5", "mastodon", "@li@social.example", "Li Wei", cjk, "08:50", "@diskominfo", nil, false),
        ("m6", "x", "@dimas", nil, "Bagaimana cara daftar KTP elektronik online? Linknya mana ya min?", "09:30", "@diskominfo", nil, false),
        ("m7", "instagram", "@ibu.sinta", "Sinta", "Sudah 2 jam air belum surut, banjir makin tinggi!", "09:45", "@diskominfo", "t2", false),
        ("r1", "instagram", "@diskominfo", "Diskominfo", "Terima kasih laporannya Bu, tim sudah kami teruskan ke BPBD.", "08:00", "@diskominfo", "t2", true),
    ]

    /// Imports `records`, written on `day` (a local date in Jakarta); `answers` names the comment (external id)
    /// an agency record answers.
    func importComments(_ records: [Record], day: String = "2026-12-01", answers: [String: String] = [:]) throws {
        var lines: [String] = []
        for r in records {
            var o: [String: JSONValue] = [
                "platform": .string(r.platform), "id": .string(r.id), "text": .string(r.text),
                "author": ["handle": .string(r.handle), "name": .string(r.name)],
                "created_at": .string("\(day)T\(r.at):00+07:00"),
            ]
            if let c = r.channel { o["channel"] = .string(c) }
            if let t = r.thread { o["thread_id"] = .string(t) }
            if r.agency { o["from_agency"] = .bool(true) }
            if let answered = answers[r.id] { o["in_reply_to"] = .string(answered) }
            lines.append(JSONValue.object(o).text)
        }
        let summary = try Importer(desk: desk).importData(Data(lines.joined(separator: "\n").utf8), name: "fixture.jsonl", format: MejaJSONLFormat())
        XCTAssertTrue(summary.rejected.isEmpty, "\(summary.rejected)")
        for r in records where !r.agency {
            if let c = try store.read({ try $0.comment(platform: Platform(rawValue: r.platform), externalID: r.id) }) { ids[r.id] = c.id }
        }
    }

    func id(_ external: String) -> Int64 { ids[external]! }

    /// Four weeks of history before the fixture's day, for the reports screen: each day's comments and the
    /// agency's answers on the platform, imported that afternoon (the clock is put back to `Fixture.now` after).
    /// Inside the four weeks ending 1 December: 6 comments (5 Nov – 26 Nov); `h1` (2 Nov) only in earlier periods.
    private func importReportHistory() throws {
        let days: [(day: String, importedAt: String, records: [Record])] = [
            ("2026-11-02", "12:00", [("h1", "x", "@pak_rw", nil, "Lampu jalan di Jl. Melati mati sejak kemarin", "09:00", "@diskominfo", "th1", false),
                                     ("a1", "x", "@diskominfo", nil, "Terima kasih, sudah kami teruskan ke Dishub.", "09:40", "@diskominfo", "th1", true)]),
            ("2026-11-05", "16:00", [("h2", "instagram", "@nina", nil, "Jam buka kantor kelurahan hari Sabtu?", "08:00", "@diskominfo", "th2", false),
                                     ("a2", "instagram", "@diskominfo", nil, "Sabtu tutup, Kak. Senin–Jumat 07.30–16.00.", "08:30", "@diskominfo", "th2", true),
                                     ("h3", "facebook", "@joko", nil, "Sampah di pasar belum diangkut tiga hari, bau sekali", "13:00", "@diskominfo", "th3", false),
                                     ("a3", "facebook", "@diskominfo", nil, "Mohon maaf, DLH sudah kami hubungi.", "15:30", "@diskominfo", "th3", true)]),
            ("2026-11-12", "11:00", [("h4", "x", "@rina", nil, "Link pendaftaran beasiswa kota di mana?", "10:00", "@diskominfo", "th4", false),
                                     ("a4", "x", "@diskominfo", nil, "Di laman resmi pemkot, Kak.", "10:20", "@diskominfo", "th4", true)]),
            ("2026-11-19", "12:00", [("h5", "x", "@tono", nil, "Jalan berlubang di depan puskesmas rusak", "09:00", "@diskominfo", "th5", false),
                                     ("h6", "x", "@tono", nil, "Sudah ada yang jatuh dari motor di sana", "09:10", "@diskominfo", "th5", false),
                                     ("a5", "x", "@diskominfo", nil, "Terima kasih, sudah kami laporkan ke DPU.", "11:00", "@diskominfo", "th5", true)]),
            ("2026-11-26", "11:00", [("h7", "youtube", "@maya", nil, "Terima kasih infonya, sangat membantu", "10:00", "@diskominfo", "th7", false),
                                     ("a7", "youtube", "@diskominfo", nil, "Sama-sama, Kak!", "10:05", "@diskominfo", "th7", true)]),
        ]
        for d in days {
            clock.set(Timestamp.parse("\(d.day)T\(d.importedAt):00+07:00")!)
            try importComments(d.records, day: d.day, answers: ["a1": "h1", "a2": "h2", "a3": "h3", "a4": "h4", "a5": "h6", "a7": "h7"])
        }
        clock.set(Self.now)
    }

    /// A desk app on this fixture, started (queue loaded).
    func app(size: Size = Size(width: 80, height: 24), language: Language = .en, supervisor: Bool = true,
             assistant: (any DeskAssistant)? = FixtureAssistant(), keys: KeyMap = .defaults) -> DeskApp {
        let app = DeskApp(desk: desk, keys: keys, assistant: assistant, language: language, size: size, isSupervisor: supervisor)
        app.start()
        return app
    }
}

/// Fixed tone verdicts and suggestions, so screens do not change when the shipped lexicons or templates are tuned.
struct FixtureAssistant: DeskAssistant {
    func verdict(for comment: Comment) -> ToneVerdict {
        comment.text.contains("banjir")
            ? ToneVerdict(lang: .indonesian, sentiment: -0.7, sensitiveTopics: [.disaster], joking: false, intent: .complaint,
                          humorAllowed: .none, explanations: [Localized("menyebut banjir: topik bencana", "mentions a flood: a disaster"),
                                                                  Localized("keluhan mendesak", "an urgent complaint")])
            : ToneVerdict(lang: .indonesian, sentiment: 0.1, sensitiveTopics: [], joking: false, intent: .question, humorAllowed: .warm,
                          explanations: [Localized("netral", "neutral")])
    }

    func suggestions(for commentID: Int64, limit: Int) throws -> [Suggestion] {
        Array([
            Suggestion(templateID: "id.ack.complaint", templateVersion: 2, score: 0.92, humor: .none, lang: .indonesian,
                       purpose: "acknowledge", title: "Terima kasih, diteruskan",
                       text: "Terima kasih atas laporannya, Kak. Laporan MJ-\(commentID) sudah kami teruskan ke dinas terkait 🙏",
                       explanations: [Localized("keluhan: ucapan terima kasih dan tindak lanjut", "complaint: thanks and follow-up")]),
            Suggestion(templateID: "id.answer.link", templateVersion: 1, score: 0.61, humor: .none, lang: .indonesian,
                       purpose: "answer_link", title: "Jawab dengan tautan", text: "Informasi lengkap ada di {link}",
                       explanations: [Localized("pertanyaan layanan", "a service question")]),
            Suggestion(templateID: "id.warm.thanks", templateVersion: 1, score: 0.40, humor: .warm, lang: .indonesian,
                       purpose: "acknowledge", title: "Siap dibantu", text: "Siap, kami bantu ya Kak! 😊", explanations: [Localized("nada positif", "a positive tone")]),
        ].prefix(limit))
    }

    func templateBody(id: String) -> String? { "Terima kasih atas laporannya, Kak. Laporan {ticket.ref} sudah kami teruskan ke dinas terkait 🙏" }
}

/// A reviewer that blocks a reply carrying a national ID number (NIK) and warns about links outside go.id.
struct FixtureReviewer: ReplyReviewer {
    func review(text: String, humor: Int?, comment: Comment, config: DeskConfig) -> ReplyReview {
        var findings: [LintFinding] = []
        if text.contains("3201") {
            findings.append(LintFinding(code: .personalData, explanation: Localized("Nomor NIK warga terlihat di balasan", "The citizen's NIK shows in the reply"), blocking: true))
        }
        if text.contains("http"), !text.contains(".go.id") {
            findings.append(LintFinding(code: .linkNotAllowed, explanation: Localized("Tautan ke luar situs pemerintah", "A link outside government sites"), blocking: false))
        }
        let allowed = comment.text.contains("banjir") ? 0 : 1
        return ReplyReview(findings: findings, tone: nil, humorAllowed: allowed)
    }
}
