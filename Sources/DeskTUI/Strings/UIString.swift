import DeskCore

/// Every piece of text the desk shows, in Bahasa Indonesia and English: the one string table.
///
/// Placeholders are `{1}`, `{2}`, … and are filled by `Strings.format`. Key and action descriptions live in
/// the action table; everything else lives here.
public enum UIString: String, CaseIterable, Sendable {
    // Screens
    case titleQueue, titleThread, titleComposer, titleReview, titleOverdue, titlePassedOver, titleLog, titleReports
    case actorSupervisor, actorAgent, actorReadOnly
    // Chrome
    case moreIssues, configDefaultUsed, promptOverride, promptEscalate, promptEscalateColleague, escalateColleagueNeedsReason, hintMove, hintQuit, hintUnmark, quitWithMarks, loading, counting, tooSmall
    // Queue
    case colSLA, colPlatform, colAuthor, colComment, colAge, colAssignee, colTags
    case queueEmpty, queueEmptyFiltered, countTotal, countListed, countBreached, countAtRisk
    case filterAllStatuses, filterMine, filterUnassigned, filterLabel, filterUrgent
    // Thread
    case linesShown, commentCut, factStatus, factAssignee, factIntent, factChannel, factReceived, passedOverNote
    case sectionClocks, noClocks, sectionTone, toneSentiment, toneSensitive, toneJoking, toneSarcastic, toneRude, toneSpam, toneHumorAllowed
    case sectionComment, sectionThread, thisComment, replyFromDesk, sectionOthersByAuthor, sectionHistory, sectionYourDraft
    case clockDue, clockLate, clockLeft, clockMet, clockStopped, late, stopped
    // Composer
    case counter, overBy, counterNoLimit, draftUnsaved, draftSaved, fromTemplate, replyTo, alreadyAnswered, composerPlaceholder
    case suggestionsTitle, noSuggestions, emptyDraft, draftKept, draftKeptRefused, draftKeptNotListed, draftRestored, fillVariable, noVariables, variablesToFill, workload, workloadBreached, draftCleared, draftDiscarded
    // Review
    case stillChecking, blockedNeedsReason, blockedMustFix, overrideGiven, overrideNeeded, reasonSaysNothingNew, promptCut, readyToSend, reviewTitle
    case sectionFindings, noFindings, blockingMark, sectionHumor, humorUsed, humorAllowedIs, humorTooMuch, humorUnknown
    case sectionClock, noRunningClock, sectionOverride, replySent, sendRefused, sectionAlsoAnswers, heldBy, answeringInPlaceOf
    // Boards, log, reports
    case boardEmpty, boardAnswered, boardUnansweredAside, boardOldestShown, boardGroupShown, groupNobody, groupNoChannel, groupedByStaff, groupedByChannel, passedOverEmpty, passedOverCount, passedOverAmongUrgent
    case colSeq, colTime, colActor, colAction, colSubject, colHash, logEmpty, verifying, chainBroken, chainIntact, chainHead, stateAgrees, stateDisagrees, logWindow, logWindowShort, logTimeRegressions
    case reportsPeriod, reportsEndingToday, reportsWeekEarlier, reportsWeeksEarlier, reportsPublicView, reportsLatest
    case reportsComputing, reportsFailed
    // Overlays
    case helpTitle, helpRecordNote, helpSignsClock, helpSignsRow, pickAssignee, pickStatus, pickIntent
    // Outcomes
    case supervisorsOnly, nothingSelected, noStatusMoves, unknownCommand, languageSet, escalatedFromDesk, noStaff, noChannels, queueEndReach
    case claimed, released, assigned, statusSet, intentSet, intentKeeps, intentKeepsBreach, intentRestandard, intentRestandardLate, escalated, editorFailed, keysFileIssues, keysLegend
    case alreadyYours, alreadyAssigned, alreadyStatus, alreadyIntent, alreadyEscalated, alreadyEscalatedNow, cursorMovedOn
    // Marks: one action on several comments
    case marked, marksCleared, markedAll, markedAllLoaded, pickAssigneeMarked, pickStatusMarked, promptEscalateMarked, bulkDone, bulkUnchanged, bulkRefused, bulkRefusedMore
    case promptNote, noted, noteKept, urgentArrived, noneChangeable
    case bulkClaimed, bulkReleased, bulkAssigned, bulkStatus, bulkIntent, bulkEscalated, pickIntentMarked
    // Names of things
    case roleAgent, roleSupervisor
    case slaBreached, slaAtRisk, slaOnTrack, slaPaused, slaMet, slaNone
    case clockFirstResponse, clockNextResponse, clockResolution
    case unitDay, unitHour, unitMinute, unitWeek, months

    /// The text in both languages.
    public var localized: Localized {
        let (id, en) = pair
        return Localized(id: id, en: en)
    }

    private var pair: (String, String) {
        switch self {
        case .titleQueue: ("Antrean", "Queue")
        case .titleThread: ("Percakapan", "Thread")
        case .titleComposer: ("Tulis balasan", "Compose")
        case .titleReview: ("Tinjau sebelum kirim", "Review before sending")
        case .titleOverdue: ("Papan keterlambatan", "Overdue board")
        case .titlePassedOver: ("Terlewati", "Passed over")
        case .titleLog: ("Log akuntabilitas", "Accountability log")
        case .titleReports: ("Laporan", "Reports")
        case .actorSupervisor: ("{1} (supervisor) ", "{1} (supervisor) ")
        case .actorAgent: ("{1} (petugas) ", "{1} (agent) ")
        case .actorReadOnly: ("{1} (hanya baca) ", "{1} (read-only) ")

        case .moreIssues: ("(+{1} masalah lain)", "(+{1} more)")
        case .configDefaultUsed: ("{1} (nilai bawaan yang dipakai)", "{1} (the default is used instead)")
        case .promptOverride: ("Alasan mengirim meski diblokir (dibaca supervisor):", "Why send despite the block (for the supervisor):")
        case .hintUnmark: ("lepas tanda", "unmark all")
        case .quitWithMarks: ("{1} komentar bertanda; tanda tidak disimpan saat Meja ditutup. Tekan {2} lagi untuk keluar, {3} untuk melepas tanda.",
                              "{1} comments are marked; marks are not kept when Meja closes. Press {2} again to quit, {3} to unmark.")
        case .promptEscalate: ("Alasan eskalasi (boleh kosong):", "Reason to escalate (may be empty):")
        case .promptEscalateColleague: ("Mengapa #{1}, yang dipegang {2}, dieskalasi? (wajib):", "Why take #{1}, held by {2}, to the supervisors? (required):")
        case .escalateColleagueNeedsReason: ("#{1} dipegang {2}: tulis mengapa dieskalasi, untuk dibaca supervisor.",
                                             "#{1} is held by {2}: write why you escalate it, for the supervisors to read.")
        case .hintMove: ("pindah", "move")
        case .hintQuit: ("keluar", "quit")
        case .loading: ("Memuat…", "Loading…")
        case .counting: ("Menghitung…", "Counting…")
        case .tooSmall: ("Terminal terlalu kecil ({1}). Meja perlu paling sedikit {2}: perbesar jendela, atau tekan q untuk keluar.",
                         "Terminal too small ({1}). Meja needs at least {2}: enlarge the window, or press q to quit.")

        case .colSLA: ("SLA  sisa", "SLA  left")
        case .colPlatform: ("Plat.", "Plat.")
        case .colAuthor: ("Warga", "Citizen")
        case .colComment: ("Komentar", "Comment")
        case .colAge: ("Umur", "Age")
        case .colAssignee: ("Petugas", "Staff")
        case .colTags: ("Tag", "Tags")
        case .queueEmpty: ("Tidak ada yang perlu ditindaklanjuti. Kerja bagus!", "Nothing needs action. Well done!")
        case .queueEmptyFiltered: ("Tidak ada komentar untuk saringan ini. Tekan x untuk menghapus saringan.",
                                   "No comments match this filter. Press x to clear the filters.")
        case .countTotal: ("{1} di antrean", "{1} in queue")
        case .countListed: ("{1} tercantum", "{1} listed")
        case .countBreached: ("{1} lewat batas", "{1} breached")
        case .countAtRisk: ("{1} berisiko", "{1} at risk")
        case .filterAllStatuses: ("semua status", "all statuses")
        case .filterMine: ("milik saya", "mine")
        case .filterUnassigned: ("belum ditugaskan", "unassigned")
        case .filterLabel: ("saringan:", "filter:")

        case .linesShown: ("baris {1} dari {2}", "line {1} of {2}")
        case .factStatus: ("status {1}", "status {1}")
        case .factAssignee: ("petugas {1}", "staff {1}")
        case .factIntent: ("maksud {1}", "intent {1}")
        case .factChannel: ("kanal {1}", "channel {1}")
        case .factReceived: ("diterima {1} ({2} lalu)", "received {1} ({2} ago)")
        case .commentCut: ("(dipotong: komentar ini {1} karakter; `meja show {2}` menampilkan semuanya)",
                           "(cut: this comment is {1} characters long; `meja show {2}` prints all of it)")
        case .passedOverNote: ("! Terlewati: komentar yang lebih baru di antrean yang sama sudah dijawab.",
                               "! Passed over: newer comments in the same queue were answered first.")
        case .sectionClocks: ("Tenggat SLA", "SLA clocks")
        case .noClocks: ("Tidak ada jam yang berjalan.", "No clock applies.")
        case .sectionTone: ("Nada (terbaca dari kata-katanya)", "Tone (as read from the words)")
        case .toneSentiment: ("sentimen {1}", "sentiment {1}")
        case .toneSensitive: ("topik sensitif: {1}", "sensitive: {1}")
        case .toneJoking: ("bercanda", "joking")
        case .toneSarcastic: ("sarkastis", "sarcastic")
        case .toneRude: ("kasar", "rude")
        case .toneSpam: ("spam", "spam")
        case .toneHumorAllowed: ("humor boleh: {1}", "humour allowed: {1}")
        case .sectionComment: ("Komentar", "Comment")
        case .sectionThread: ("Percakapan ({1})", "Thread ({1})")
        case .thisComment: ("komentar ini", "this comment")
        case .replyFromDesk: ("Balasan oleh {1}", "Reply by {1}")
        case .sectionOthersByAuthor: ("Komentar lain dari {1}", "Other comments by {1}")
        case .sectionHistory: ("Riwayat di log", "History on the log")
        case .sectionYourDraft: ("Draf Anda (belum terkirim)", "Your draft (not sent)")
        case .clockDue: ("tenggat {1}", "due {1}")
        case .clockLate: ("terlambat {1}", "{1} late")
        case .clockLeft: ("sisa {1}", "{1} left")
        case .clockMet: ("terpenuhi {1}", "met {1}")
        case .clockStopped: ("dihentikan {1}", "stopped {1}")
        case .late: ("terlambat", "late")
        case .stopped: ("dihentikan", "stopped")

        case .counter: ("{1}/{2} karakter", "{1}/{2} characters")
        case .overBy: ("kelebihan {1}", "{1} over the limit")
        case .counterNoLimit: ("{1} karakter", "{1} characters")
        case .draftUnsaved: ("menyimpan…", "saving…")
        case .draftSaved: ("draf tersimpan", "draft saved")
        case .fromTemplate: ("templat {1}", "template {1}")
        case .replyTo: ("Balas {1} di {2}", "Reply to {1} on {2}")
        case .alreadyAnswered: ("sudah dijawab {1}: baca utasnya dulu (Esc, lalu Enter)", "already answered {1}: read the thread first (Esc, then Enter)")
        case .composerPlaceholder: ("Ketik balasan, atau pilih saran dengan Tab lalu ^T.", "Type the reply, or pick a suggestion with Tab, then ^T.")
        case .suggestionsTitle: ("Saran templat", "Suggested templates")
        case .noSuggestions: ("Belum ada saran templat untuk komentar ini.", "No suggested templates for this comment.")
        case .emptyDraft: ("Draf masih kosong: tulis balasan dulu.", "The draft is empty: write the reply first.")
        case .fillVariable: ("Ketik isi {1} di sini (Ctrl-U mengembalikannya).", "Type the value of {1} here (Ctrl-U puts it back).")
        case .noVariables: ("Tidak ada {variabel} lagi di draf.", "No {variable} is left in the draft.")
        case .draftCleared: ("Draf dikosongkan; Ctrl-U mengembalikannya (sebelum keluar).", "Draft cleared; Ctrl-U brings it back (before you leave).")
        case .draftDiscarded: ("Draf kosong dibuang.", "The emptied draft is discarded.")
        case .workload: ("memegang {1}", "holds {1}")
        case .workloadBreached: ("memegang {1}, {2} lewat batas", "holds {1}, {2} breached")
        case .variablesToFill: ("Isi dulu {1}: Ctrl-N melompat ke sana.", "Fill in {1} first: Ctrl-N jumps there.")
        case .draftKept: ("Draf disimpan; tekan r pada komentar ini untuk melanjutkan.", "Draft kept; press r on this comment to go on.")
        case .draftKeptRefused: ("Draf disimpan. {1}", "Draft kept. {1}")
        case .draftKeptNotListed: ("Draf untuk #{1} disimpan; komentar itu tidak ada lagi di daftar ini (:status all atau / menemukannya).",
                                   "Draft for #{1} kept; that comment is no longer in this list (:status all or / finds it).")
        case .draftRestored: ("Draf sebelumnya dipulihkan.", "Your earlier draft was restored.")

        case .stillChecking: ("Memeriksa balasan…", "Checking the reply…")
        case .blockedNeedsReason: ("✗ Ada temuan yang memblokir: perbaiki (e), atau tekan y dan beri alasan.",
                                   "✗ A finding blocks sending: fix it (e), or press y and give a reason.")
        case .blockedMustFix: ("✗ Perbaiki dulu (e): {variabel} yang kosong, karakter tersembunyi, atau balasan kosong tidak dapat dilewati dengan alasan.",
                               "✗ Fix it first (e): an unfilled {variable}, hidden characters or an empty reply cannot be sent past with a reason.")
        case .overrideGiven: ("Alasan pengabaian dicatat; tekan y untuk mengirim.", "Override reason noted; press y to send.")
        case .overrideNeeded: ("Balasan diblokir: alasan wajib diisi untuk mengirimnya.", "The reply is blocked: a reason is required to send it.")
        case .reasonSaysNothingNew: ("Tambahkan mengapa temuan baru itu dilewati; alasan sebelumnya saja tidak menjawabnya.",
                                     "Add why the new finding is overridden; the earlier reason alone does not answer it.")
        case .promptCut: ("Dipotong: kolom ini menerima paling banyak {1} karakter.", "Cut: this field takes at most {1} characters.")
        case .readyToSend: ("Siap dikirim: y kirim · e sunting · q kembali", "Ready: y send · e edit · q back")
        case .reviewTitle: ("Balasan untuk {1} di {2} (#{3})", "Reply to {1} on {2} (#{3})")
        case .sectionFindings: ("Pemeriksaan", "Checks")
        case .noFindings: ("Tidak ada temuan.", "No findings.")
        case .blockingMark: ("[memblokir]", "[blocking]")
        case .sectionHumor: ("Humor", "Humour")
        case .humorUsed: ("balasan: {1}", "reply: {1}")
        case .humorAllowedIs: ("yang boleh: {1}", "allowed: {1}")
        case .humorTooMuch: ("Humor melebihi yang pantas untuk komentar ini.", "More humour than this comment allows.")
        case .humorUnknown: ("nada komentar belum dinilai", "the comment's tone is not rated")
        case .sectionClock: ("Tenggat yang dipenuhi", "Clock this reply meets")
        case .noRunningClock: ("Tidak ada jam respons yang berjalan.", "No response clock is running.")
        case .sectionAlsoAnswers: ("Juga menjawab (warga yang sama, percakapan ini; keluar dari antrean)",
                                   "Also answers (the same citizen, this conversation; they leave the queue)")
        case .heldBy: ("dipegang {1}", "held by {1}")
        case .answeringInPlaceOf: ("! Dipegang {1}: balasan Anda menjawabnya menggantikan dia; kabari dia.",
                                   "! Held by {1}: your reply answers it in their place; let them know.")
        case .sectionOverride: ("Alasan pengabaian", "Override reason")
        case .replySent: ("Balasan untuk #{1} dicatat dan masuk log.", "Reply to #{1} recorded and logged.")
        case .sendRefused: ("Belum terkirim, temuan baru: {1}. y kirim dengan alasan, e sunting.",
                            "Not sent, new findings: {1}. y sends with a reason, e edits.")

        case .boardEmpty: ("Tidak ada yang terlambat atau berisiko.", "Nothing is overdue or at risk.")
        case .boardAnswered: ("{1} dibalas, belum selesai", "{1} answered, not yet resolved")
        case .boardUnansweredAside: ("{1} disisihkan tanpa balasan", "{1} set aside unanswered")
        case .boardOldestShown: ("{1} tertua ditampilkan", "oldest {1} shown")
        case .boardGroupShown: ("{1} dari {2} ditampilkan", "{1} shown of {2}")
        case .groupNobody: ("Belum ditugaskan", "Unassigned")
        case .groupNoChannel: ("Tanpa kanal", "No channel")
        case .groupedByStaff: ("per petugas (Tab: kanal)", "by staff (Tab: channel)")
        case .groupedByChannel: ("per kanal (Tab: petugas)", "by channel (Tab: staff)")
        case .passedOverEmpty: ("Tidak ada komentar yang terlewati.", "No comment has been passed over.")
        case .passedOverCount: ("{1} terlewati", "{1} passed over")
        case .passedOverAmongUrgent: ("{1} terlewati di antara {2} paling mendesak · meja report menghitung semua",
                                      "{1} passed over among the {2} most urgent · meja report counts all")
        case .colSeq: ("No.", "Seq")
        case .colTime: ("Waktu", "Time")
        case .colActor: ("Pelaku", "Actor")
        case .colAction: ("Tindakan", "Action")
        case .colSubject: ("Subjek", "Subject")
        case .colHash: ("Hash", "Hash")
        case .logEmpty: ("Log masih kosong.", "The log is empty.")
        case .verifying: ("Memeriksa rantai log…", "Verifying the log chain…")
        case .chainBroken: ("Rantai log RUSAK di #{1}: {2}", "Log chain BROKEN at #{1}: {2}")
        case .chainIntact: ("Rantai log utuh: {1} peristiwa", "Log chain intact: {1} events")
        case .chainHead: ("hash terakhir {1}", "head {1}")
        case .stateAgrees: (", isi meja cocok", ", desk agrees")
        case .stateDisagrees: ("DESK ≠ LOG, {1} diubah di luar Meja (semua: meja log verify): {2}",
                               "DESK ≠ LOG, {1} changed outside Meja (all: meja log verify): {2}")
        case .logWindow: ("· {1} terbaru dari {2} (semua: meja log show/export)", "· newest {1} of {2} (all: meja log show/export)")
        case .logWindowShort: ("· {1} terbaru dari {2}", "· newest {1} of {2}")
        case .logTimeRegressions: ("⚠ peristiwa bertanggal sebelum peristiwa sebelumnya: {1} (pertama #{2}), jam dimundurkan atau disisipkan; lihat meja log verify",
                                   "⚠ events dated before the event before them: {1} (first #{2}), a clock set back or slipped in; see meja log verify")
        case .reportsPeriod: ("periode {1}", "period {1}")
        case .reportsEndingToday: ("empat minggu s.d. hari ini", "four weeks to today")
        case .reportsWeekEarlier: ("mundur 1 minggu", "1 week earlier")
        case .reportsWeeksEarlier: ("mundur {1} minggu", "{1} weeks earlier")
        case .reportsPublicView: ("tampilan publik", "public view")
        case .reportsLatest: ("Ini periode terakhir: berakhir hari ini.", "This is the latest period: it ends today.")
        case .reportsComputing: ("Menghitung laporan {1}…", "Computing the report for {1}…")
        case .reportsFailed: ("Laporan tidak dapat dihitung. Ctrl-L untuk mencoba lagi.", "The report could not be computed. Ctrl-L tries again.")

        case .helpTitle: ("Tombol — {1} ({2} menutup)", "Keys — {1} ({2} closes)")
        case .helpRecordNote: ("mengubah catatan publik dan masuk log akuntabilitas", "changes the public record and lands in the accountability log")
        case .helpSignsClock: ("!! lewat tenggat (berapa lama), ! hampir lewat, · sesuai jadwal (sisa waktu), ‖ jeda menunggu warga.",
                               "!! breached (how late), ! at risk, · on track (time left), ‖ paused, waiting for the citizen.")
        case .helpSignsRow: ("● ditandai, ⇣ terlewati (yang lebih baru sudah dijawab), ▲ dieskalasi, ✉ ada catatan rekan, ✐ draf Anda, ⚑ topik sensitif (layar sempit; di baris judul: kiriman baru yang perlu segera ditangani, :open N membukanya).",
                             "● marked, ⇣ passed over (newer ones were answered), ▲ escalated, ✉ colleagues' notes, ✐ your draft, ⚑ sensitive topic (narrow screens; over the title: a new arrival that needs someone at once, :open N opens it).")
        case .pickAssignee: ("Tugaskan #{1} kepada", "Assign #{1} to")
        case .pickStatus: ("Status untuk #{1}", "Status for #{1}")
        case .pickIntent: ("Maksud #{1} (kini {2})", "Intent of #{1} (now {2})")
        case .pickAssigneeMarked: ("Tugaskan komentar bertanda ({1}) kepada", "Assign the marked comments ({1}) to")
        case .pickStatusMarked: ("Status untuk komentar bertanda ({1})", "Status for the marked comments ({1})")
        case .promptEscalateMarked: ("Alasan eskalasi komentar bertanda ({1}; boleh kosong):", "Reason to escalate the marked comments ({1}; may be empty):")
        case .marked: ("{1} ditandai", "{1} marked")
        case .markedAll: ("Semua yang terdaftar ditandai: {1}.", "Every comment listed is marked: {1}.")
        case .markedAllLoaded: ("{1} baris pertama ditandai; daftar masih berlanjut (persempit dengan / atau saringan, atau G memuat semuanya).",
                                "The first {1} rows are marked; the list goes on (narrow it with / or a filter, or G loads the rest).")
        case .marksCleared: ("Tanda dilepas: {1}.", "Marks removed: {1}.")
        case .bulkDone: ("Komentar bertanda {2}: {1}.", "Marked comments {2}: {1}.")
        case .bulkUnchanged: ("Sudah begitu, tidak dicatat lagi: {1}.", "Already so, not recorded again: {1}.")
        case .bulkRefused: ("Tidak dilakukan, tetap ditandai: {1} — {2}", "Not done, still marked: {1} — {2}")
        case .bulkRefusedMore: ("(dan {1} lainnya)", "(and {1} more)")
        case .bulkClaimed: ("kini Anda pegang", "claimed by you")
        case .bulkReleased: ("dilepas", "released")
        case .bulkAssigned: ("ditugaskan kepada {1}", "assigned to {1}")
        case .bulkStatus: ("kini berstatus {1}", "now {1}")
        case .bulkIntent: ("kini dibaca sebagai {1}", "now read as {1}")
        case .pickIntentMarked: ("Maksud komentar bertanda ({1})", "Intent of the marked comments ({1})")
        case .urgentArrived: ("Perlu segera ditangani — {3} baru: #{1} (:open {1}) “{2}”", "Needs someone at once — {3} new: #{1} (:open {1}) “{2}”")
        case .noneChangeable: ("Tidak ada dari {1} komentar bertanda yang dapat Anda ubah; misalnya: {2}", "None of the {1} marked comments is yours to change; for one: {2}")
        case .filterUrgent: ("segera", "urgent")
        case .promptNote: ("Catatan #{1} untuk rekan (masuk log, tak dikirim):", "Note on #{1} for colleagues (logged, not sent):")
        case .noted: ("Catatan disimpan di riwayat #{1}.", "Note kept in #{1}'s history.")
        case .noteKept: ("diberi catatan", "noted")
        case .bulkEscalated: ("dieskalasi ke supervisor", "escalated to the supervisors")

        case .supervisorsOnly: ("Hanya supervisor yang dapat melakukan ini ({1}).", "Only supervisors can do that ({1}).")
        case .nothingSelected: ("Tidak ada komentar yang dipilih.", "No comment is selected.")
        case .noChannels: ("Belum ada kanal yang dikenal: sebut satu dengan :channel @akun, atau isi [agency].channels di config.toml.",
                           "No channel known yet: name one with :channel @account, or list them in [agency].channels in config.toml.")
        case .queueEndReach: ("Menampilkan {1} baris pertama; persempit antrean (/ cari, t p C i m saring) untuk melihat sisanya.",
                              "Showing the first {1} rows; narrow the queue (/ search, t p C i m filters) to see the rest.")
        case .noStatusMoves: ("Dari status {1} tidak ada status yang bisa dipilih di sini.", "From {1} there is no status to choose here.")
        case .unknownCommand: ("Perintah tidak dikenal: {1}. Yang dikenal: {2}", "Unknown command: {1}. Known: {2}")
        case .languageSet: ("Desk kini berbahasa Indonesia (untuk setiap kali dibuka: LANG=id_ID.UTF-8).",
                            "The desk is now in English (for every start: LANG=en_US.UTF-8).")
        case .escalatedFromDesk: ("dieskalasi dari meja oleh {1}", "escalated from the desk by {1}")
        case .noStaff: ("Belum ada petugas aktif; tambahkan dengan `meja staff add`.", "No active staff yet; add some with `meja staff add`.")
        case .claimed: ("#{1} kini Anda pegang.", "You claimed #{1}.")
        case .released: ("#{1} dilepas: kini tidak dipegang siapa pun.", "#{1} released: held by no one now.")
        case .assigned: ("#{1} ditugaskan kepada {2}.", "#{1} assigned to {2}.")
        case .statusSet: ("#{1} kini berstatus {2}.", "#{1} is now {2}.")
        case .intentSet: ("Maksud #{1} kini {2}.", "#{1}'s intent is now {2}.")
        case .intentKeeps: ("Maksud #{1} kini {2}; tetap diukur dengan standar {3}.", "#{1}'s intent is now {2}; it stays under the {3} standard.")
        case .intentKeepsBreach: ("Maksud #{1} kini {2}; tenggatnya sudah lewat, jadi tetap tercatat lewat batas dengan standar {3}.",
                                  "#{1}'s intent is now {2}; its deadline had passed, so the breach stands under the {3} standard.")
        case .intentRestandardLate: ("Maksud #{1} kini {2}: diukur dengan standar {3} sejak masuk, lewat batas sejak {4}.",
                                     "#{1}'s intent is now {2}: measured under the {3} standard from its arrival, breached since {4}.")
        case .intentRestandard: ("Maksud #{1} kini {2}: diukur dengan standar {3} sejak masuk, tenggat {4}.",
                                 "#{1}'s intent is now {2}: measured under the {3} standard from its arrival, due {4}.")
        case .escalated: ("#{1} dieskalasi ke supervisor.", "#{1} escalated to the supervisors.")
        case .alreadyYours: ("#{1} sudah Anda pegang: tidak ada yang berubah.", "You already hold #{1}: nothing changed.")
        case .alreadyAssigned: ("#{1} sudah ditugaskan kepada {2}: tidak ada yang berubah.", "#{1} is already assigned to {2}: nothing changed.")
        case .alreadyStatus: ("#{1} sudah berstatus {2}: tidak ada yang berubah.", "#{1} is already {2}: nothing changed.")
        case .alreadyIntent: ("Maksud #{1} sudah {2}: tidak ada yang berubah.", "#{1}'s intent is already {2}: nothing changed.")
        case .cursorMovedOn: ("#{1} keluar dari daftar ini; kursor kini di #{2}.", "#{1} left this list; the cursor is on #{2} now.")
        case .alreadyEscalatedNow: ("#{1} sudah dieskalasi ke supervisor.", "#{1} is already escalated to supervisors.")
        case .alreadyEscalated: ("#{1} sudah dieskalasi: tidak ada yang dicatat, alasan baru tidak disimpan.", "#{1} is already escalated: nothing was recorded, and the new reason was not kept.")
        case .editorFailed: ("Editor tidak dapat dijalankan: {1}. Atur $EDITOR, mis. EDITOR=nano.", "The editor could not run: {1}. Set $EDITOR, e.g. EDITOR=nano.")
        case .keysLegend: ("Tombol Meja per layar, dengan keys.toml Anda. S: hanya supervisor · R: mengubah catatan publik (masuk log) · *: diubah di keys.toml",
                           "Meja's keys per screen, with your keys.toml. S: supervisors only · R: changes the public record (logged) · *: rebound in keys.toml")
        case .keysFileIssues: ("Ada masalah di berkas pengaturan; default dipakai:", "Problems in settings files; defaults kept:")

        case .roleAgent: ("petugas", "agent")
        case .roleSupervisor: ("supervisor", "supervisor")
        case .slaBreached: ("lewat batas", "breached")
        case .slaAtRisk: ("berisiko", "at risk")
        case .slaOnTrack: ("sesuai", "on track")
        case .slaPaused: ("dijeda", "paused")
        case .slaMet: ("terpenuhi", "met")
        case .slaNone: ("tidak berlaku", "none")
        case .clockFirstResponse: ("respons pertama", "first response")
        case .clockNextResponse: ("respons berikut", "next response")
        case .clockResolution: ("penyelesaian", "resolution")
        case .unitDay: ("hr", "d")
        case .unitHour: ("j", "h")
        case .unitMinute: ("m", "m")
        case .unitWeek: ("mg", "w")
        case .months: ("Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
        }
    }
}
