/// Why an action was refused or failed, in words that tell the user what to do next.
public enum DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No comment, staff member or object with that id.
    case notFound(String)
    /// The request itself is wrong (bad id, bad value).
    case invalidInput(Localized)
    /// The actor's role, or who holds the comment, does not allow the action.
    case notPermitted(Localized)
    /// The status change is not one of the legal moves.
    case illegalTransition(from: CommentStatus, to: CommentStatus)
    /// Someone else holds the claim.
    case claimedByOther(commentID: Int64, holder: String)
    /// The login name is not on the staff list.
    case unknownActor(String)
    /// The reply linter found something that blocks sending.
    case blocked([LintFinding])
    /// The database could not do what was asked.
    case storage(String)

    /// Bad input, said only in English (messages only the command line shows).
    public static func invalidInput(_ english: String) -> DeskError { .invalidInput(Localized(both: english)) }

    /// A refusal, said only in English (messages only the command line shows).
    public static func notPermitted(_ english: String) -> DeskError { .notPermitted(Localized(both: english)) }

    /// What went wrong and what to do, in both languages (the desk shows its own; the command line English).
    public var explanation: Localized {
        switch self {
        case .notFound(let what):
            // What is missing is a comment, named in English by the code that looked for it.
            let apa = what.hasPrefix("Comment ") ? "Komentar " + what.dropFirst("Comment ".count) : what
            return Localized("\(apa) tidak ditemukan. `meja list --status all` menampilkan semua yang ada di desk.",
                             "\(what) was not found. `meja list --status all` shows what is on the desk.")
        case .invalidInput(let why), .notPermitted(let why): return why
        case .illegalTransition(let from, let to):
            // Named as staff read them, with the code `meja status` takes.
            func named(_ s: CommentStatus, _ lang: KeyPath<Localized, String>) -> String { s.labelWithCode[keyPath: lang] }
            // What a status can be set to; claimed, replied and escalated come by their own actions, said apart.
            let next = from.allowedNext.intersection(CommentStatus.settable).sorted()
            let own = from.allowedNext.subtracting(CommentStatus.settable).sorted()
            let ownID = own.isEmpty ? "" : "; lewat tindakannya sendiri: " + own.map { named($0, \.id) }.joined(separator: ", ")
            let ownEN = own.isEmpty ? "" : "; by their own actions: " + own.map { named($0, \.en) }.joined(separator: ", ")
            let noneID = next.isEmpty ? "tidak ada" : next.map { named($0, \.id) }.joined(separator: ", ")
            let noneEN = next.isEmpty ? "none" : next.map { named($0, \.en) }.joined(separator: ", ")
            return Localized("Komentar berstatus \(named(from, \.id)) tidak dapat menjadi \(named(to, \.id)). Dari sana statusnya bisa diubah menjadi: \(noneID)\(ownID).",
                             "A comment that is \(named(from, \.en)) cannot become \(named(to, \.en)). From there its status can be set to: \(noneEN)\(ownEN).")
        case .claimedByOther(let id, let holder):
            return Localized("Komentar \(id) sudah diambil oleh \(holder). Tanyakan kepadanya, atau supervisor dapat menugaskannya ulang (tombol a, atau `meja assign \(id) NAMA`).",
                             "Comment \(id) is already claimed by \(holder). Ask them, or a supervisor can reassign it (key a, or `meja assign \(id) NAME`).")
        case .unknownActor(let raw):
            // Quoted, and said when it holds characters that cannot be shown (a zero-width space in MEJA_ACTOR).
            let shown = SafeText.forMessage(raw)
            let name = shown == raw ? shown : "'\(shown)' (with characters that cannot be shown)"
            if StaffMember.reservation(of: raw) != nil || shown != raw {
                return Localized("Tindakan tidak dapat dicatat atas nama \(name): nama itu tidak dapat menjadi petugas. Bertindaklah dengan nama login Anda sendiri (USER atau MEJA_ACTOR).",
                                 "Actions cannot be recorded under \(name): no staff member can have that name. Act under your own login name (USER or MEJA_ACTOR).")
            }
            return Localized("\(name) tidak ada di daftar petugas, jadi tindakan tidak dapat dicatat atas nama itu. Supervisor dapat menambahkan Anda dengan `meja staff add \(name) --role agent`.",
                             "\(name) is not on the staff list, so actions cannot be recorded under that name. A supervisor can add you with `meja staff add \(name) --role agent`.")
        case .blocked(let findings):
            let list = Localized(findings.map(\.explanation.id).joined(separator: "; "), findings.map(\.message).joined(separator: "; "))
            if findings.contains(where: { !$0.overridable }) {
                return Localized("Balasan tidak dikirim: \(list.id). Perbaiki dulu: temuan ini tidak dapat dilewati dengan alasan.",
                                 "The reply was not sent: \(list.en). Fix it first: no reason sends a reply past this.")
            }
            return Localized("Balasan tidak dikirim: \(list.id). Perbaiki, atau beri `--override-reason` untuk tetap mengirim (alasannya dicatat di log).",
                             "The reply was not sent: \(list.en). Fix it, or give `--override-reason` to send anyway (the reason is logged).")
        case .storage(let why): return Localized("Basis data gagal: \(why)", "The database failed: \(why)")
        }
    }

    public var description: String { explanation.en }

    /// The process exit status for this error (DESIGN.md): 1 a check failed, 64 usage, 65 bad data.
    public var exitCode: Int32 {
        switch self {
        case .notFound, .invalidInput: 64
        case .notPermitted, .illegalTransition, .claimedByOther, .unknownActor, .blocked: 1
        case .storage: 1
        }
    }
}
