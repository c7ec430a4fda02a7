import DeskCore

/// One row of the action table: what an action is, where it applies and which keys trigger it by default.
public struct ActionSpec: Sendable {
    public let id: ActionID
    /// The contexts the action exists in.
    public let contexts: [KeyContext]
    /// Default keys, in every context unless `keysIn` says otherwise for one.
    public let keys: [Key]
    /// Default keys that differ in a particular context.
    public let keysIn: [KeyContext: [Key]]
    /// A word or two for the footer and the help overlay.
    public let label: Localized
    /// One sentence for the help overlay and `docs/keys.md`.
    public let summary: Localized
    /// Only supervisors may do it (the core refuses it for agents too); agents do not see it.
    public let supervisorOnly: Bool
    /// It changes the public record (and so lands in the accountability log).
    public let changesRecord: Bool
    /// The contexts whose footer hints show it (a footer has room for a few).
    public let hintContexts: Set<KeyContext>

    /// Whether the footer hints of `context` show it.
    public func hinted(in context: KeyContext) -> Bool { hintContexts.contains(context) }

    /// It acts on one comment (the one under the cursor, or the marked ones): with neither, it has nothing to act on.
    public let actsOnAComment: Bool

    /// The default keys in `context`.
    public func defaultKeys(in context: KeyContext) -> [Key] { keysIn[context] ?? keys }
}

/// The one table of actions. It drives the key parser (`KeyMap`), the `?` overlay, the footer hints and the
/// generated `docs/keys.md` (`KeyReference`); nothing else lists keys.
public enum ActionTable {
    private typealias C = KeyContext

    private static let lists: [KeyContext] = [.queue, .overdue, .passedOver, .log, .reports, .help, .picker, .thread, .review]
    private static let screens: [KeyContext] = [.queue, .thread, .review, .overdue, .passedOver, .log, .reports]
    private static let itemScreens: [KeyContext] = [.queue, .thread, .overdue, .passedOver]

    private static func spec(_ id: ActionID, _ contexts: [KeyContext], _ keys: [String], in keysIn: [KeyContext: [String]] = [:],
                             label: (id: String, en: String), _ summary: (id: String, en: String),
                             supervisor: Bool = false, record: Bool = false, onComment: Bool = false, hint: Bool = false,
                             hintOnly: [KeyContext]? = nil) -> ActionSpec {
        ActionSpec(id: id, contexts: contexts, keys: keys.map(key), keysIn: keysIn.mapValues { $0.map(key) },
                   label: Localized(id: label.id, en: label.en), summary: Localized(id: summary.id, en: summary.en),
                   supervisorOnly: supervisor, changesRecord: record, hintContexts: hint ? Set(hintOnly ?? contexts) : [],
                   actsOnAComment: onComment)
    }

    private static func key(_ name: String) -> Key {
        guard let key = Key(name: name) else { preconditionFailure("bad key name in the action table: \(name)") }
        return key
    }

    /// Every action, in the order the help overlay and the key reference list them.
    public static let all: [ActionSpec] = [
        spec(.moveDown, lists, ["j", "down"], label: ("turun", "down"),
             ("Pindah ke baris berikutnya.", "Move to the next line."), hint: true),
        spec(.moveUp, lists, ["k", "up"], label: ("naik", "up"),
             ("Pindah ke baris sebelumnya.", "Move to the previous line."), hint: true),
        spec(.pageDown, lists, ["pgdn", "ctrl-f"], label: ("hlm. berikut", "page down"),
             ("Maju satu halaman.", "Move one page down.")),
        spec(.pageUp, lists, ["pgup", "ctrl-b"], label: ("hlm. sebelum", "page up"),
             ("Mundur satu halaman.", "Move one page up.")),
        spec(.top, lists, ["g", "home"], label: ("awal", "top"), ("Ke baris pertama.", "Go to the first line.")),
        spec(.bottom, lists, ["G", "end"], label: ("akhir", "bottom"), ("Ke baris terakhir.", "Go to the last line.")),
        spec(.open, [.queue, .overdue, .passedOver], ["enter"], label: ("buka", "open"),
             ("Buka komentar beserta percakapan, riwayat warga dan tenggat SLA-nya.",
              "Open the comment with its thread, the citizen's history and its SLA clocks."), onComment: true, hint: true),
        spec(.back, screens + [.help, .picker], ["q", "esc"], in: [.queue: ["q"], .help: ["q", "esc", "?"]],
             label: ("kembali", "back"),
             ("Kembali: tutup layar atau daftar ini (dari pemeriksaan, balasannya juga; drafnya disimpan); di antrean: keluar dari Meja.",
              "Back: close this screen or list (from the review, the reply too, its draft kept); at the queue, quit Meja."),
             hint: true),
        spec(.help, screens + [.composer, .picker], ["?"], in: [.composer: ["f1"]], label: ("bantuan", "help"),
             ("Tampilkan tombol yang berlaku di layar ini.", "Show the keys that work on this screen."), hint: true),
        spec(.search, [.queue, .thread, .overdue, .passedOver, .log], ["/"], label: ("cari", "search"),
             ("Cari teks komentar (semua kata harus ada); dari layar lain, hasilnya di antrean.",
              "Search comment text (all words must occur); from another screen, the results are in the queue."),
             hint: true, hintOnly: [.queue]),
        spec(.command, [.queue, .thread, .overdue, .passedOver, .log], [":"], label: ("perintah", "command"),
             ("Baris perintah, mis. :status all, :platform x, :channel @akun, :intent complaint, :mine, :clear; :lang en ganti bahasa.",
              "Command line, e.g. :status all, :platform x, :channel @account, :intent complaint, :mine, :clear; :lang id switches language.")),
        spec(.refresh, screens, ["ctrl-l"], label: ("segarkan", "refresh"),
             ("Muat ulang data dan gambar ulang layar.", "Reload the data and redraw the screen.")),

        spec(.filterStatus, [.queue], ["t"], label: ("status", "status"),
             ("Ganti saringan status: perlu tindakan, satu status, semua.", "Cycle the status filter: needing action, one status, all.")),
        spec(.filterPlatform, [.queue], ["p"], label: ("platform", "platform"),
             ("Ganti saringan platform.", "Cycle the platform filter.")),
        spec(.filterChannel, [.queue], ["C"], label: ("kanal", "channel"),
             ("Ganti saringan kanal (akun instansi yang menerima komentar).", "Cycle the channel filter (the agency account that received it).")),
        spec(.filterIntent, [.queue], ["i"], label: ("maksud", "intent"),
             ("Ganti saringan maksud (pertanyaan, keluhan, …).", "Cycle the intent filter (question, complaint, …).")),
        spec(.filterTopic, [.queue], ["f"], label: ("topik ⚑", "topic ⚑"),
             ("Ganti saringan topik sensitif: semua yang perlu segera ditangani bersama (bencana, darurat medis, anak), lalu satu per satu: bencana, darurat medis, anak, ….",
              "Cycle the sensitive-topic filter: everything that needs someone at once together (disaster, health emergency, children), then one at a time: disaster, health emergency, children, …")),
        spec(.filterAssignee, [.queue], ["m"], label: ("milik", "mine"),
             ("Ganti saringan petugas: semua, milik saya, belum ditugaskan.", "Cycle the assignee filter: everyone, mine, unassigned.")),
        spec(.filterClear, [.queue], ["x"], label: ("hapus saring", "clear"),
             ("Hapus semua saringan dan pencarian.", "Clear every filter and the search.")),

        spec(.reply, itemScreens, ["r"], label: ("balas", "reply"),
             ("Tulis balasan dengan saran templat.", "Write a reply, with suggested templates."), onComment: true, hint: true),
        spec(.claim, [.queue, .thread], ["c"], label: ("ambil", "claim"),
             ("Ambil komentar ini untuk Anda kerjakan.", "Claim the comment: you will answer it."), record: true, onComment: true, hint: true),
        spec(.release, [.queue, .thread], ["u"], label: ("lepas", "release"),
             ("Lepaskan komentar yang Anda ambil.", "Release a comment you claimed."), record: true, onComment: true),
        spec(.assign, itemScreens, ["a"], label: ("tugaskan", "assign"),
             ("Tugaskan komentar kepada petugas.", "Assign the comment to a staff member."), supervisor: true, record: true, onComment: true, hint: true),
        spec(.setStatus, [.queue, .thread], ["s"], label: ("status", "status"),
             ("Ubah status komentar (terbuka, menunggu warga, selesai, …).", "Set the comment's status (open, waiting, closed, …)."),
             record: true, onComment: true),
        spec(.setIntent, [.queue, .thread], ["I"], label: ("koreksi maksud", "correct intent"),
             ("Koreksi maksud warga (keluhan, pertanyaan, …): saringan dan laporan mengikutinya, dan komentar yang belum dijawab diukur dengan standar maksud barunya.",
              "Correct what the citizen wants (complaint, question, …): filters and reports follow, and an unanswered comment is measured by its new intent's standard."),
             record: true, onComment: true),
        spec(.escalate, [.queue, .thread, .overdue, .passedOver], ["E"], label: ("eskalasi", "escalate"),
             ("Eskalasikan ke supervisor.", "Escalate to the supervisors."), record: true, onComment: true, hint: true),

        spec(.note, [.queue, .thread], ["N"], label: ("catatan", "note"),
             ("Tulis catatan untuk rekan pada komentar ini (serah terima, apa yang ditunggu): masuk log dan riwayatnya, tidak dikirim ke warga.",
              "Write a note for colleagues on the comment (a handover, what is being waited for): on the log and its history, never sent to the citizen."), onComment: true),
        spec(.toggleMark, [.queue, .overdue], ["space"], label: ("tandai", "mark"),
             ("Tandai komentar ini (atau lepas tandanya) dan pindah ke berikutnya: c, u, a, s, I dan E lalu berlaku untuk semua yang ditandai, masing-masing dicatat di log.",
              "Mark the comment (or unmark it) and move to the next: c, u, a, s, I and E then act on every marked one, each logged on its own."), onComment: true),
        spec(.markAll, [.queue, .overdue], ["*"], label: ("tandai semua", "mark all"),
             ("Tandai semua komentar di daftar (yang sudah dimuat; persempit dulu dengan / atau saringan); di papan keterlambatan: seluruh kelompok komentar yang dipilih (satu petugas atau satu kanal).",
              "Mark every comment listed (the rows loaded; narrow the list with / or a filter first); on the overdue board, the whole group of the selected comment (one staff member's, or one channel's).")),
        spec(.clearMarks, [.queue], ["esc"], label: ("tutup/lepas", "dismiss"),
             ("Tutup peringatan kiriman yang perlu segera ditangani; jika tidak ada, lepas semua tanda (tanda tidak disimpan saat Meja ditutup).",
              "Put away the alert of an arrival that needs someone at once; else unmark every marked comment (marks are not kept when Meja closes)."),
             hint: true),

        spec(.overdueBoard, [.queue], ["o"], label: ("terlambat", "overdue"),
             ("Papan keterlambatan: lewat batas dan berisiko, per petugas atau kanal.",
              "Overdue board: breached and at-risk items by staff or channel."), supervisor: true, hint: true),
        spec(.passedOver, [.queue], ["P"], label: ("terlewati", "passed over"),
             ("Komentar yang terlewati sementara yang lebih baru sudah dijawab.",
              "Comments passed over while newer ones were answered."), supervisor: true),
        spec(.logView, [.queue], ["L"], label: ("log", "log"),
             ("Log akuntabilitas dan pemeriksaan rantainya.", "The accountability log and its chain check.")),
        spec(.reports, [.queue], ["R"], label: ("laporan", "reports"),
             ("Laporan kinerja respons.", "Response performance reports."), supervisor: true),

        spec(.nextSuggestion, [.composer], ["tab"], label: ("saran berikut", "next suggestion"),
             ("Pilih saran templat berikutnya.", "Select the next suggested template."), hint: true),
        spec(.previousSuggestion, [.composer], ["shift-tab"], label: ("saran sebelum", "prev. suggestion"),
             ("Pilih saran templat sebelumnya.", "Select the previous suggested template.")),
        spec(.insertSuggestion, [.composer], ["ctrl-t"], label: ("pakai saran", "use suggestion"),
             ("Sisipkan saran terpilih ke draf.", "Insert the selected suggestion into the draft."), hint: true),
        spec(.nextVariable, [.composer], ["ctrl-n"], label: ("isi variabel", "fill variable"),
             ("Lompat ke {variabel} berikutnya dan kosongkan: ketik nilainya (Ctrl-U mengembalikannya).",
              "Jump to the next {variable} and clear it: type its value (Ctrl-U puts it back).")),
        spec(.clearDraft, [.composer], ["ctrl-k"], label: ("kosongkan", "clear"),
             ("Kosongkan draf untuk mulai lagi (Ctrl-U mengembalikannya); draf kosong tidak disimpan.",
              "Clear the draft to start again (Ctrl-U brings it back); an empty draft is not kept.")),
        spec(.externalEditor, [.composer], ["ctrl-e"], label: ("$EDITOR", "$EDITOR"),
             ("Sunting draf di $EDITOR, lalu kembali.", "Edit the draft in $EDITOR and come back."), hint: true),
        spec(.openReview, [.composer], ["ctrl-d"], label: ("tinjau", "review"),
             ("Tinjau balasan sebelum dikirim.", "Review the reply before sending."), hint: true),
        spec(.leaveComposer, [.composer], ["esc"], label: ("simpan & kembali", "keep & back"),
             ("Simpan draf dan kembali.", "Keep the draft and go back."), hint: true),
        spec(.editLeft, [.composer, .prompt], ["left"], label: ("kiri", "left"), ("Kursor satu karakter ke kiri.", "Cursor one character left.")),
        spec(.editRight, [.composer, .prompt], ["right"], label: ("kanan", "right"), ("Kursor satu karakter ke kanan.", "Cursor one character right.")),
        spec(.editUp, [.composer], ["up"], label: ("atas", "up"), ("Kursor satu baris ke atas.", "Cursor one line up.")),
        spec(.editDown, [.composer], ["down"], label: ("bawah", "down"), ("Kursor satu baris ke bawah.", "Cursor one line down.")),
        spec(.editHome, [.composer, .prompt], ["home", "ctrl-a"], label: ("awal baris", "line start"),
             ("Kursor ke awal baris.", "Cursor to the start of the line.")),
        spec(.editEnd, [.composer, .prompt], ["end"], label: ("akhir baris", "line end"),
             ("Kursor ke akhir baris.", "Cursor to the end of the line.")),
        spec(.editBackspace, [.composer, .prompt], ["backspace"], label: ("hapus kiri", "backspace"),
             ("Hapus karakter sebelum kursor.", "Delete the character before the cursor.")),
        spec(.editDelete, [.composer, .prompt], ["delete"], label: ("hapus", "delete"),
             ("Hapus karakter di kursor.", "Delete the character at the cursor.")),
        spec(.editNewline, [.composer], ["enter"], label: ("baris baru", "new line"), ("Mulai baris baru.", "Start a new line.")),
        spec(.editUndo, [.composer], ["ctrl-u"], label: ("urungkan", "undo"),
             ("Urungkan perubahan terakhir.", "Undo the last change."), hint: true),

        spec(.send, [.review], ["y"], label: ("kirim", "send"),
             ("Kirim: catat balasan dan masukkan ke log.", "Send: record the reply and log it."), record: true, hint: true),
        spec(.editAgain, [.review], ["e"], label: ("sunting", "edit"), ("Kembali menyunting draf.", "Go back to editing the draft."), hint: true),

        spec(.toggleGrouping, [.overdue], ["tab"], label: ("kelompok", "group by"),
             ("Kelompokkan per petugas atau per kanal.", "Group by staff member or by channel."), hint: true),
        spec(.verifyLog, [.log], ["v"], label: ("periksa", "verify"),
             ("Periksa ulang rantai hash log, lalu cocokkan isi desk dengannya.", "Verify the log's hash chain again, then check the desk's tables against it."), hint: true),
        spec(.previousPeriod, [.reports], ["h", "left"], label: ("mundur seminggu", "week earlier"),
             ("Geser periode laporan (empat minggu) seminggu lebih awal.", "Move the report's four weeks one week earlier."), hint: true),
        spec(.nextPeriod, [.reports], ["l", "right"], label: ("maju seminggu", "week later"),
             ("Geser periode laporan seminggu lebih lambat, paling jauh sampai hari ini.",
              "Move the report's four weeks one week later, up to the four weeks ending today."), hint: true),
        spec(.publicView, [.reports], ["p"], label: ("publik", "public"),
             ("Tampilkan laporan publik (hanya agregat, tanpa nama petugas), atau kembali ke laporan lengkap.",
              "Show the public report (aggregates only, no staff names), or go back to the full one."), hint: true),

        spec(.accept, [.prompt, .picker], ["enter"], label: ("oke", "accept"), ("Terima isian atau pilihan.", "Accept the entry or choice."), hint: true),
        spec(.cancel, [.prompt], ["esc"], label: ("batal", "cancel"), ("Batalkan.", "Cancel."), hint: true),
    ]

    private static let byID: [ActionID: ActionSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The row of `id`.
    public static func spec(_ id: ActionID) -> ActionSpec { byID[id]! }

    /// The actions of a context, in table order.
    public static func actions(in context: KeyContext) -> [ActionSpec] { all.filter { $0.contexts.contains(context) } }
}
