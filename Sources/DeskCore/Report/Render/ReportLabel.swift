/// A label of a report in Bahasa Indonesia and English.
///
/// Supervisors read their reports in their language (English unless asked otherwise); the public transparency
/// report shows both, Bahasa Indonesia first.
public typealias ReportLabel = Localized

extension Localized {
    /// The label for an audience: `Bahasa / English` in public (once when both are the same), else in the
    /// audience's language.
    public func text(_ audience: ReportAudience) -> String {
        if audience.isPublic { return id != en ? "\(id) / \(en)" : en }
        return self(audience.language)
    }
}

/// Who a report is for, and in which language.
public struct ReportAudience: Sendable, Hashable {
    /// True for the public transparency report (`--public`): aggregates only — no handles, names, texts or staff —
    /// with bilingual labels; false for supervisors: every figure, staff by name.
    public let isPublic: Bool
    /// The language of the labels (the public report shows both, Bahasa Indonesia first).
    public let language: Language

    /// Supervisors reading English.
    public static let supervisors = ReportAudience(isPublic: false, language: .en)
    /// The public, in both languages.
    public static let `public` = ReportAudience(isPublic: true, language: .id)

    /// Supervisors reading `language`.
    public static func supervisors(_ language: Language) -> ReportAudience { ReportAudience(isPublic: false, language: language) }
}

/// Every label the report formats use, in one place.
public enum ReportLabels {
    public static let title = ReportLabel("Laporan kinerja tanggapan", "Response performance report")
    public static let publicTitle = ReportLabel("Laporan transparansi layanan media sosial", "Social media service transparency report")
    public static let period = ReportLabel("Periode", "Period")
    public static let asOf = ReportLabel("Per", "As of")
    public static let generated = ReportLabel("Dibuat", "Generated")

    public static let summary = ReportLabel("Ringkasan", "Summary")
    public static let metric = ReportLabel("Ukuran", "Measure")
    public static let value = ReportLabel("Nilai", "Value")
    public static let comments = ReportLabel("Komentar masuk", "Comments received")
    public static let unmeasured = ReportLabel("Tanpa standar layanan", "Not measured (no policy)")
    public static let importedAfter = ReportLabel("Masuk setelah periode (tidak dihitung)", "Imported after period (not counted)")
    public static let medianFirst = ReportLabel("Median tanggapan pertama (jam kerja)", "Median first response (business hours)")
    public static let medianFirstCalendar = ReportLabel("Median tanggapan pertama (waktu kalender)", "Median first response (calendar time)")
    public static let backlog = ReportLabel("Belum dijawab", "Awaiting an answer")
    public static let backlogBreached = ReportLabel("Belum dijawab, lewat batas waktu", "Awaiting an answer, past due")
    public static let passedOver = ReportLabel("Terlewati antrean", "Passed over")
    public static let passedOverWaiting = ReportLabel("Terlewati antrean, masih belum dijawab", "Passed over, still unanswered")
    public static let escalations = ReportLabel("Eskalasi ke supervisor", "Escalations to supervisors")
    public static let replies = ReportLabel("Balasan dari Meja", "Replies sent from Meja")
    public static let overriddenShare = ReportLabel("Balasan yang dikirim meski diblokir pemeriksa", "Replies sent over the linter")
    public static let answeredOnPlatform = ReportLabel("Dijawab langsung di platform", "Answered on the platform")
    public static let logHead = ReportLabel("Hash terakhir log (seq:hash)", "Log head (seq:hash)")
    /// A report made without checking the log (the supervisors', the desk's screen; `meja report --public` is refused
    /// unless it verifies): said so.
    public static let logHeadUnverified = ReportLabel("Hash terakhir log (belum diverifikasi)", "Log head (unverified)")
    /// Whether the chain was checked for this report (`Report.logVerified`).
    public static let logVerified = ReportLabel("Log diverifikasi untuk laporan ini", "Log verified for this report")
    public static let verified = ReportLabel("ya", "yes")
    public static let notVerified = ReportLabel("tidak (jalankan `meja log verify`)", "no (run `meja log verify`)")
    public static let logHeadNote = ReportLabel(
        "Simpan nilai ini: `meja log verify --anchor SEQ:HASH` membuktikan bahwa catatan sampai titik ini tidak diubah.",
        "Keep this value: `meja log verify --anchor SEQ:HASH` proves that the record up to this point was not rewritten.")

    public static let times = ReportLabel("Waktu tanggapan dan penyelesaian", "Response and resolution times")
    public static let clock = ReportLabel("Jenis", "Clock")
    public static let basis = ReportLabel("Dasar", "Basis")
    public static let business = ReportLabel("jam kerja", "business")
    public static let calendar = ReportLabel("kalender", "calendar")
    public static let count = ReportLabel("Jumlah", "Count")
    public static let median = ReportLabel("Median", "Median")
    public static let p90 = ReportLabel("P90", "P90")
    public static let max = ReportLabel("Maks", "Max")

    public static let hits = ReportLabel("Ketepatan waktu (SLA)", "SLA hit rate")
    public static let onTime = ReportLabel("Tepat waktu", "On time")
    public static let late = ReportLabel("Terlambat", "Late")
    public static let missed = ReportLabel("Lewat batas", "Breached")
    public static let excluded = ReportLabel("Dikecualikan", "Excluded")
    public static let pending = ReportLabel("Berjalan", "Pending")
    public static let rate = ReportLabel("Persentase", "Rate")

    public static let weeks = ReportLabel("Per minggu (tepat waktu: semua tanggapan)", "Weekly (on time: all responses)")
    public static let weekOf = ReportLabel("Minggu mulai", "Week of")
    public static let arrivals = ReportLabel("Masuk", "Arrivals")
    public static let backlogAtEnd = ReportLabel("Belum dijawab di akhir", "Backlog at end")

    public static let histogram = ReportLabel("Sebaran waktu tanggapan pertama (jam kerja)", "First-response times (business hours)")
    public static let backlogAge = ReportLabel("Umur komentar yang belum dijawab", "Age of the backlog")
    public static let bucket = ReportLabel("Rentang", "Range")

    public static let volume = ReportLabel("Volume komentar", "Comment volume")
    public static let dimension = ReportLabel("Menurut", "By")
    public static let key = ReportLabel("Kategori", "Category")
    public static let platform = ReportLabel("Platform", "Platform")
    public static let channel = ReportLabel("Kanal", "Channel")
    public static let intent = ReportLabel("Maksud", "Intent")
    public static let sentiment = ReportLabel("Sentimen", "Sentiment")
    public static let tag = ReportLabel("Label", "Tag")

    public static let queues = ReportLabel("Per platform dan akun (tepat waktu: semua tanggapan)", "By platform and account (on time: all responses)")
    public static let decided = ReportLabel("Terukur", "Decided")
    public static let waiting = ReportLabel("Menunggu", "Waiting")
    public static let waitingPastDue = ReportLabel("Lewat batas", "Past due")
    public static let staff = ReportLabel("Petugas", "Staff")
    public static let name = ReportLabel("Nama", "Name")
    public static let staffReplies = ReportLabel("Balasan", "Replies")
    public static let staffMedian = ReportLabel("Median tanggapan pertama", "Median first response")
    public static let staffOnTime = ReportLabel("Tepat waktu", "On time")
    public static let overrides = ReportLabel("Lewati pemeriksa", "Overrides")

    public static let humour = ReportLabel("Humor dalam balasan", "Humour in replies")
    public static let level = ReportLabel("Tingkat", "Level")

    public static let noData = ReportLabel("Tidak ada data pada periode ini.", "No data in this period.")

    public static let notesTitle = ReportLabel("Cara membaca laporan ini", "How to read this report")

    /// What the figures mean, for readers of the HTML and Markdown reports.
    public static func notes(passedOverThreshold n: Int) -> [ReportLabel] {
        [
            ReportLabel("Sebuah komentar dihitung dalam periode bila ditulis dalam periode itu. Semua angka lain diambil per akhir periode (atau per saat ini bila periode belum berakhir); jawaban sesudahnya tidak dihitung.",
                        "A comment counts in the period when it was written in it. Every other figure is taken as of the end of the period (or now, if it has not ended); answers given later are not counted."),
            ReportLabel("Tepat waktu: dijawab (atau diselesaikan) paling lambat pada batas waktu standar layanan. Terlambat: dijawab sesudah batas waktu. Lewat batas: belum dijawab ketika batas waktu lewat. Dikecualikan: ditutup sebelum batas waktu tanpa perlu jawaban (misalnya spam). Berjalan: batas waktu belum tiba.",
                        "On time: answered (or resolved) at or before the due time of the service standard. Late: answered after the due time. Breached: still unanswered when the due time passed. Excluded: closed before the due time as needing no answer (spam, for example). Pending: not due yet."),
            ReportLabel("Jam kerja: waktu dihitung hanya pada jam layanan kantor, tanpa akhir pekan dan hari libur. Lama waktu ditulis sebagai jam:menit. Komentar yang masuk dan dijawab di luar jam layanan memakan 0:00 jam kerja; angka kalender di sampingnya menunjukkan berapa lama warga menunggu.",
                        "Business hours: time counts only during office hours, not on weekends or holidays. Durations are written as hours:minutes. A comment that arrives and is answered outside office hours takes 0:00 of business time; the calendar figures beside it tell how long citizens waited."),
            ReportLabel("Belum dijawab, lewat batas waktu: hanya komentar yang belum dijawab; komentar yang sudah dijawab tetapi belum selesai melewati batas waktunya dihitung pada baris penyelesaian.",
                        "Awaiting an answer, past due: only comments not answered yet; answered comments not resolved by their due time are counted in the resolution row."),
            ReportLabel("Belum dijawab di akhir (tiap minggu): komentar yang sudah ada di desk dan belum dijawab pada akhir minggu itu. Komentar yang baru diimpor kemudian belum ada di desk saat itu, sehingga minggu-minggu sebelum sebuah impor besar dapat menunjukkan 0.",
                        "Backlog at end (each week): comments on the desk and unanswered at that week's end. Comments imported later were not on the desk then, so the weeks before a bulk import can show 0."),
            ReportLabel("Median dan P90 memakai peringkat terdekat, sehingga selalu berupa nilai yang benar-benar terjadi.",
                        "Median and P90 use the nearest rank, so they are always values that actually occurred."),
            ReportLabel("Terlewati antrean: komentar yang belum dijawab sementara sedikitnya \(n) komentar yang lebih baru di antrean yang sama (platform dan kanal) sudah dijawab.",
                        "Passed over: a comment left unanswered while at least \(n) newer comments in the same queue (platform and channel) were answered."),
        ]
    }

    /// The name of a clock.
    public static func clock(_ c: SLAClock) -> ReportLabel {
        switch c {
        case .firstResponse: ReportLabel("Tanggapan pertama", "First response")
        case .nextResponse: ReportLabel("Tanggapan lanjutan", "Next response")
        case .resolution: ReportLabel("Penyelesaian", "Resolution")
        }
    }

    /// A humour level, with its number: `1 hangat / 1 warm`.
    public static func humour(_ level: Int) -> ReportLabel {
        let names = (HumorLevel(rawValue: level) ?? .none).label
        return ReportLabel("\(level) \(names.id)", "\(level) \(names.en)")
    }

    /// A volume dimension's own values in words (platforms, intents, sentiment bands); others as they are.
    public static func value(_ key: String, dimension: String) -> ReportLabel {
        switch (dimension, key) {
        case (_, "-"): return dimension == "sentiment" ? ReportLabel("tidak diukur", "not measured") : ReportLabel("(tidak ada)", "(none)")
        case ("platform", _): let name = Platform(rawValue: key).displayName; return ReportLabel(name, name)
        case ("intent", _): return Intent(rawValue: key)?.label ?? ReportLabel(both: key)
        case ("tag", _): return SensitiveTopic(rawValue: key).map { ReportLabel($0.label.id, $0.label.en) } ?? ReportLabel(both: key)
        case ("sentiment", "negative"): return ReportLabel("negatif", "negative")
        case ("sentiment", "neutral"): return ReportLabel("netral", "neutral")
        case ("sentiment", "positive"): return ReportLabel("positif", "positive")
        default: return ReportLabel(key, key)
        }
    }

    /// A histogram bucket in words: `< 15 mnt / < 15 min`, `1–2 jam / 1–2 h`, `≥ 7 hari / ≥ 7 d`.
    public static func bucket(lower: Int, upper: Int?) -> ReportLabel {
        func amount(_ m: Int) -> (Int, ReportLabel) {
            m >= 1_440 && m % 1_440 == 0 ? (m / 1_440, ReportLabel("hari", "d"))
                : m >= 60 && m % 60 == 0 ? (m / 60, ReportLabel("jam", "h")) : (m, ReportLabel("mnt", "min"))
        }
        func join(_ f: (ReportLabel) -> String) -> String {
            guard let upper else {
                let (n, unit) = amount(lower)
                return "≥ \(n) \(f(unit))"
            }
            let (b, unitB) = amount(upper)
            if lower == 0 { return "< \(b) \(f(unitB))" }
            let (a, unitA) = amount(lower)
            return unitA == unitB ? "\(a)–\(b) \(f(unitB))" : "\(a) \(f(unitA))–\(b) \(f(unitB))"
        }
        return ReportLabel(join(\.id), join(\.en))
    }
}
