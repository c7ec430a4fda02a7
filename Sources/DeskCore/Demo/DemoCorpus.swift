/// The words of the demo desk: what citizens write to a city's communication office, in Bahasa Indonesia
/// (with everyday slang and emoji) and English, and how the agency answers.
enum DemoCorpus {
    enum Kind: String, CaseIterable {
        case question, complaint, request, suggestion, praise, joke, report, rude, spam, grief
    }

    struct Line {
        let lang: String
        let kind: Kind
        let text: String
        /// The services `{service}` may name in this line (empty: any): one does not lose a PBB, or renew an SKCK appointment.
        var services: [String] = []
        /// How the agency answers this line (empty: its kind's answers), so a joke about coffee is not answered about catfish.
        var replies: [String] = []
    }

    /// Documents a citizen holds (and can lose); services with a counter and a queue; services applied for online.
    static let documents = ["KTP elektronik", "Kartu Keluarga", "akta kelahiran", "KIA anak"]
    static let counters = ["KTP elektronik", "Kartu Keluarga", "SKCK", "BPJS Kesehatan", "KIA anak", "pindah domisili"]
    static let online = ["PPDB SMP", "izin usaha (NIB)", "SKCK"]

    static let places = ["Jl. Merdeka", "Jl. Sudirman", "Kel. Sukamaju", "RT 05/RW 02 Kel. Cempaka", "Pasar Baru", "Terminal Kota",
                         "Jl. Diponegoro", "Perumahan Griya Asri", "Kec. Sukajadi", "depan SDN 3", "Jl. Ahmad Yani", "Taman Kota"]
    static let services = ["KTP elektronik", "Kartu Keluarga", "akta kelahiran", "SKCK", "izin usaha (NIB)", "PBB", "BPJS Kesehatan",
                           "PPDB SMP", "pindah domisili", "KIA anak"]

    static let lines: [Line] = [
        // Questions
        Line(lang: "id", kind: .question, text: "Min, mau tanya syarat bikin {service} apa aja ya? Makasih 🙏", services: documents + ["SKCK", "izin usaha (NIB)", "pindah domisili"],
             replies: ["Halo Kak, terima kasih sudah bertanya 🙏 Syarat dan alur lengkapnya ada di https://layanan.contoh.go.id ya. Kalau masih bingung, silakan DM kami."]),
        Line(lang: "id", kind: .question, text: "Kak, pelayanan {service} di kecamatan buka jam berapa? Sabtu buka gak?", services: documents + ["pindah domisili"],
             replies: ["Halo Kak, layanan di kecamatan buka Senin–Kamis 07.30–16.00 dan Jumat 07.30–16.30 WIB. Sabtu tutup ya, Kak 🙏"]),
        Line(lang: "id", kind: .question, text: "Permisi admin, kalau {service} hilang gimana cara ngurusnya? Harus ke dukcapil langsung kah?", services: documents,
             replies: ["Halo Kak, untuk dokumen yang hilang cukup bawa surat keterangan kehilangan dari kepolisian dan KK ke Disdukcapil, atau ajukan lewat https://layanan.contoh.go.id 🙏"]),
        Line(lang: "id", kind: .question, text: "Halo min, link pendaftaran {service} yg resmi apa ya? takut kena link palsu", services: online,
             replies: ["Halo Kak, tautan resminya hanya https://layanan.contoh.go.id ya. Hati-hati dengan tautan lain yang mengatasnamakan kami 🙏"]),
        Line(lang: "id", kind: .question, text: "Min {service} saya udah 2 minggu blm jadi, cek statusnya dmn ya?", services: documents + ["izin usaha (NIB)"],
             replies: ["Halo Kak, status pengajuan bisa dicek di https://layanan.contoh.go.id/status dengan nomor registrasinya. Kalau belum berubah, DM kami nomornya ya 🙏"]),
        Line(lang: "id", kind: .question, text: "Selamat siang. Apakah pembayaran {service} bisa lewat QRIS? Terima kasih.", services: ["PBB", "BPJS Kesehatan"],
             replies: ["Selamat siang, Kak. Bisa, pembayaran dapat dilakukan lewat QRIS di aplikasi bank atau dompet digital; pastikan nama penerimanya resmi ya 🙏"]),
        Line(lang: "id", kind: .question, text: "admin, jadwal vaksin anak di puskesmas {place} kapan aja? 🙏🙏",
             replies: ["Halo Kak, jadwal imunisasi anak di tiap puskesmas ada di https://dinkes.contoh.go.id/imunisasi ya. Jangan lupa bawa buku KIA 🙏"]),
        Line(lang: "id", kind: .question, text: "Bansos bulan ini udah cair belum ya min? di {place} blm ada info sama sekali",
             replies: ["Halo Kak, jadwal penyaluran bansos bulan ini bisa dicek di https://cekbansos.kemensos.go.id dengan NIK penerima. Mohon NIK tidak ditulis di kolom komentar ya 🙏"]),
        Line(lang: "en", kind: .question, text: "Hi, what documents do I need to renew my {service}? Can I do it online?", services: ["KTP elektronik", "SKCK", "izin usaha (NIB)"],
             replies: ["Hello, the documents and steps are listed at https://layanan.contoh.go.id, where you can also apply online. DM us if you need help."]),
        Line(lang: "en", kind: .question, text: "Hello admin, is the city service center at {place} open on Saturday?",
             replies: ["Hello! The service center is open Monday to Thursday 07:30–16:00 and Friday 07:30–16:30; it is closed on Saturday."]),
        Line(lang: "en", kind: .question, text: "Quick question: how long does the {service} process usually take? Thanks!", services: documents + ["SKCK", "izin usaha (NIB)"],
             replies: ["Hello! It usually takes three working days once the documents are complete; you can follow it at https://layanan.contoh.go.id/status."]),
        // Complaints
        Line(lang: "id", kind: .complaint, text: "Jalan di {place} rusak parah udah 3 bulan, lubangnya makin gede. Kapan diperbaiki?? Udah ada yg jatuh motornya 😡"),
        Line(lang: "id", kind: .complaint, text: "Sampah di {place} gak diangkut udah seminggu, baunya kemana-mana. Tolong dong pak!"),
        Line(lang: "id", kind: .complaint, text: "Lampu jalan di {place} mati total, malam gelap banget rawan begal. Mohon segera ditindaklanjuti."),
        Line(lang: "id", kind: .complaint, text: "Antrean {service} dari jam 7 pagi, jam 12 baru dipanggil. Pelayanannya lambat bgt, petugasnya cuma 1 😤", services: counters),
        Line(lang: "id", kind: .complaint, text: "Air PDAM di {place} mati dari kemarin sore tanpa pemberitahuan. Warga butuh air buat masak & mandi."),
        Line(lang: "id", kind: .complaint, text: "mantap, jalan rusak lagi 👍 baru diaspal 2 bulan udah bolong lagi di {place}"),
        Line(lang: "id", kind: .complaint, text: "Saya sudah lapor soal drainase mampet di {place} dari minggu lalu tapi belum ada respon sama sekali. Kecewa."),
        Line(lang: "id", kind: .complaint, text: "Website pendaftaran {service} error terus dari pagi, gimana mau daftar kalo servernya down mulu", services: online),
        Line(lang: "en", kind: .complaint, text: "The road at {place} has been flooded with potholes for weeks. Someone is going to get hurt. When will it be fixed?"),
        Line(lang: "en", kind: .complaint, text: "I waited 4 hours for my {service} appointment and was told to come back tomorrow. This is unacceptable.", services: counters),
        // Requests
        Line(lang: "id", kind: .request, text: "Min, tolong dibantu pemangkasan pohon di {place}, dahannya udah nyentuh kabel listrik.",
             replies: ["Terima kasih laporannya, Kak. Permintaan pemangkasan sudah kami teruskan ke petugas pertamanan; mohon jauhi kabelnya dulu ya 🙏"]),
        Line(lang: "id", kind: .request, text: "Mohon info nomor WA pengaduan resmi dinas, mau kirim dokumen {service}.", services: ["pindah domisili", "izin usaha (NIB)", "akta kelahiran"],
             replies: ["Halo Kak, dokumen bisa diunggah lewat https://layanan.contoh.go.id; kami tidak menerima dokumen lewat WA pribadi demi keamanan data Kakak 🙏"]),
        Line(lang: "id", kind: .request, text: "Pak, bisa minta fogging di {place}? Tetangga ada 2 yg kena DBD minggu ini",
             replies: ["Terima kasih infonya, Kak. Permintaan fogging sudah kami teruskan ke puskesmas setempat untuk penyelidikan epidemiologi dulu. Semoga tetangga lekas sembuh 🙏"]),
        Line(lang: "en", kind: .request, text: "Could you please share the official form for {service}? The link on the website is broken.", services: online + ["pindah domisili"],
             replies: ["Sorry about the broken link 🙏 The form is at https://layanan.contoh.go.id/formulir; we have asked the team to fix the old link."]),
        // Suggestions
        Line(lang: "id", kind: .suggestion, text: "Usul min, gimana kalau ada layanan {service} keliling ke kelurahan? Kasian lansia harus antre jauh.", services: documents),
        Line(lang: "id", kind: .suggestion, text: "Saran aja, taman di {place} bagus tapi kurang tempat sampah sama lampu. Semoga bisa ditambah 🙂"),
        Line(lang: "en", kind: .suggestion, text: "Suggestion: an online queue number for {service} would save everyone hours of waiting.", services: counters),
        // Praise
        Line(lang: "id", kind: .praise, text: "Terima kasih dinas, jalan di {place} sudah mulus sekarang 👏👏 mantap pelayanannya"),
        Line(lang: "id", kind: .praise, text: "Ngurus {service} cuma 15 menit, petugasnya ramah bgt. Keren! 🙌", services: counters),
        Line(lang: "id", kind: .praise, text: "Makasih min udah dibales cepet kemarin, masalahnya udah beres 🙏"),
        Line(lang: "en", kind: .praise, text: "Big thanks to the team at the service center, my {service} was done in one visit. Great work!", services: counters),
        // Jokes
        Line(lang: "id", kind: .joke, text: "Min, lubang di {place} udah bisa buat ternak lele belum? wkwkwk 😂",
             replies: ["Wah jangan dong Kak, nanti lelenya kami yang repot ngasih makan 😄 Lubangnya sudah kami laporkan ke dinas teknis untuk ditambal ya!"]),
        Line(lang: "id", kind: .joke, text: "Adminnya lucu bgt balesannya, digaji berapa min? wkwk semangat ya 😆",
             replies: ["Hehe gajinya rahasia, Kak, tapi semangatnya kami bagi gratis 😄 Terima kasih dukungannya 🙏"]),
        Line(lang: "id", kind: .joke, text: "Min kalau antre {service} dapet doorprize gak? udah kayak nonton konser antreannya haha", services: counters,
             replies: ["Doorprize-nya belum ada, Kak 😄 Tapi masukan soal antreannya sudah kami sampaikan ke unit layanan supaya lebih cepat 🙏"]),
        Line(lang: "id", kind: .joke, text: "admin jam segini masih bales, kopinya berapa gelas min? 😂☕",
             replies: ["Baru dua gelas, Kak ☕😄 Terima kasih sudah menemani admin. Ada yang bisa kami bantu?"]),
        Line(lang: "en", kind: .joke, text: "Admin, is the pothole at {place} officially a tourist attraction yet? 😂"),
        // Reports
        Line(lang: "id", kind: .report, text: "Banjir setinggi dada di {place}, ada lansia terjebak di rumah. Tolong kirim bantuan segera!!",
             replies: ["Terima kasih informasinya, Kak. Laporan sudah kami teruskan ke BPBD dan tim SAR. Untuk warga yang terjebak, segera hubungi juga 112 🙏"]),
        Line(lang: "id", kind: .report, text: "Ada kecelakaan motor vs truk di {place}, korban masih tergeletak, ambulans belum datang",
             replies: ["Terima kasih infonya, Kak. Segera hubungi 112 untuk ambulans bila belum; laporan juga sudah kami teruskan ke petugas terkait 🙏"]),
        Line(lang: "id", kind: .report, text: "Pohon tumbang nutup jalan di {place} habis hujan deras, kendaraan gak bisa lewat.",
             replies: ["Terima kasih laporannya, Kak. Sudah kami teruskan ke petugas pertamanan dan BPBD untuk segera dievakuasi. Mohon cari jalan lain dulu ya 🙏"]),
        Line(lang: "id", kind: .report, text: "Info: kebakaran rumah warga di {place}, asap tebal. Damkar udah dihubungi tapi belum sampai.",
             replies: ["Terima kasih infonya, Kak. Laporan sudah kami teruskan ke Damkar. Mohon jauhi lokasi, dan hubungi 112 bila ada korban 🙏"]),
        Line(lang: "en", kind: .report, text: "Flash flood at {place}, water is knee-high and rising. Families need evacuation help."),
        // Rude and abusive
        Line(lang: "id", kind: .rude, text: "Dinas gak guna, kerjaannya cuma posting doang. Makan gaji buta!!"),
        Line(lang: "id", kind: .rude, text: "Admin goblok, ditanya dari kemaren gak dijawab. Bubarin aja dinasnya"),
        Line(lang: "en", kind: .rude, text: "You people are useless. Do your damn job for once."),
        // Spam
        Line(lang: "id", kind: .spam, text: "Mau cuan cepat? Slot gacor hari ini maxwin 💰💰 klik link di bio! Daftar sekarang bonus 100%"),
        Line(lang: "id", kind: .spam, text: "Jual followers murah, 1000 followers cuma 10rb, DM aja kak 🔥🔥"),
        Line(lang: "en", kind: .spam, text: "Earn $500/day from home with crypto!!! Message me now, limited slots 🚀"),
        // Grief and sensitive
        Line(lang: "id", kind: .grief, text: "Ayah saya meninggal minggu lalu, mau tanya cara urus akta kematian dan balik nama KK gimana ya 😢",
             replies: ["Turut berduka cita yang sedalam-dalamnya, Kak 🙏 Akta kematian dan perubahan KK diurus di Disdukcapil dengan surat keterangan kematian dari kelurahan. Silakan DM kami bila ingin dibantu langkah demi langkah."]),
        Line(lang: "id", kind: .grief, text: "Anak saya hilang sejak kemarin sore di sekitar {place}, mohon bantu sebarkan info 🙏",
             replies: ["Kami turut prihatin, Kak 🙏 Segera laporkan ke polisi terdekat atau hubungi 110/112. Kirim foto dan ciri-ciri anak lewat DM, kami bantu teruskan ke petugas dan sebarkan lewat kanal resmi."]),
        Line(lang: "en", kind: .grief, text: "My mother passed away last week. What do I need to do to update our family card?",
             replies: ["Our deepest condolences. The family card is updated at the civil registry office (Disdukcapil) with the death certificate; send us a DM and we'll guide you through each step."]),
    ]

    /// What a citizen writes after the agency's answer, and how the agency answers that, by language.
    static let followUps: [String: [(text: String, reply: String)]] = [
        "id": [("Udah saya coba tapi masih belum bisa min, gimana lagi ya?",
                "Mohon maaf masih terkendala, Kak 🙏 Boleh kirim tangkapan layar atau detail kendalanya lewat DM? Kami bantu cek langsung."),
               ("Makasih infonya min. Kalau online bisa juga kah?",
                "Bisa, Kak. Pengajuan daring ada di https://layanan.contoh.go.id; berkasnya diunggah dalam bentuk foto atau PDF ya 🙏"),
               ("Sudah DM ya kak, ditunggu balasannya", "Siap, Kak, DM-nya sudah kami terima dan sedang kami proses. Terima kasih sudah menunggu 🙏"),
               ("Tapi sampai sekarang belum ada petugas yang datang 😕",
                "Mohon maaf atas keterlambatannya, Kak 🙏 Sudah kami tanyakan lagi ke tim lapangan dan kami kabari jadwal kedatangannya hari ini."),
               ("Oke min, berarti bawa fotokopi juga ya?", "Betul, Kak: bawa berkas asli dan satu lembar fotokopinya ya 🙏")],
        "en": [("I tried that but it still doesn't work. What else can I do?",
                "Sorry it still isn't working 🙏 Could you DM us a screenshot or the details? We'll look into it directly."),
               ("Thanks! Is there an online option too?", "Yes: you can apply online at https://layanan.contoh.go.id, uploading photos or PDFs of the documents."),
               ("I've sent a DM with the details.", "Thank you, we've received your DM and are working on it 🙏"),
               ("Still no one has come to fix it.", "We're sorry for the delay 🙏 We've chased the field team and will tell you today when they'll come.")],
    ]

    /// The agency's answers, by kind and language.
    static func reply(_ kind: Kind, lang: String) -> [String] {
        switch (kind, lang) {
        case (.question, "id"), (.request, "id"):
            return ["Halo Kak, terima kasih sudah bertanya 🙏 Syarat dan alur lengkapnya bisa dilihat di https://layanan.contoh.go.id ya. Kalau masih bingung, silakan DM kami.",
                    "Halo Kak, layanan buka Senin–Kamis 07.30–16.00 dan Jumat 07.30–16.30 WIB. Sabtu tutup ya, Kak. Terima kasih 🙏"]
        case (.question, _), (.request, _):
            return ["Hello, thank you for asking! The requirements and steps are at https://layanan.contoh.go.id. Send us a DM if you need help."]
        case (.complaint, "id"):
            return ["Mohon maaf atas ketidaknyamanannya, Kak 🙏 Laporan sudah kami teruskan ke dinas terkait dan akan kami pantau. Boleh DM lokasi detailnya?",
                    "Terima kasih laporannya, Kak. Tim kami sudah menjadwalkan pengecekan ke lokasi. Mohon maaf menunggu 🙏"]
        case (.complaint, _), (.rude, "en"):
            return ["We're sorry for the trouble. We've passed this to the responsible department and will follow up. Could you DM us the exact location?"]
        case (.suggestion, "id"): return ["Terima kasih atas usulannya, Kak 🙏 Sudah kami catat dan sampaikan ke bidang terkait."]
        case (.suggestion, _): return ["Thank you for the suggestion! We've shared it with the team."]
        case (.praise, "id"): return ["Terima kasih banyak, Kak! Semangatnya kami teruskan ke teman-teman di lapangan 🙌"]
        case (.praise, _): return ["Thank you so much! We'll pass your kind words to the team 🙌"]
        case (.joke, "id"): return ["Hehe terima kasih, Kak 😄 Ada yang bisa kami bantu?"]
        case (.joke, _): return ["Not yet a tourist attraction, we promise 😄 The report is with the roads team."]
        case (.report, "id"): return ["Terima kasih informasinya. Untuk keadaan darurat segera hubungi 112. Laporan sudah kami teruskan ke BPBD dan petugas terkait."]
        case (.report, _): return ["Thank you. In an emergency please call 112 right away. We've alerted the disaster response team."]
        case (.grief, "id"): return ["Turut berduka cita yang sedalam-dalamnya, Kak 🙏 Untuk pengurusannya, silakan DM kami agar bisa kami bantu langkah demi langkah."]
        case (.grief, _): return ["Our deepest condolences. Please send us a DM and we'll guide you through each step."]
        case (.rude, _): return ["Mohon maaf belum sempat membalas, Kak. Kami ingin membantu — boleh ceritakan kendalanya?"]
        case (.spam, _): return []
        }
    }

    static let firstNames = ["Rina", "Budi", "Siti", "Agus", "Dewi", "Andi", "Putri", "Joko", "Ayu", "Rizky", "Nur", "Fajar", "Lestari",
                             "Hendra", "Wulan", "Bayu", "Indah", "Yusuf", "Maya", "Dimas", "Sri", "Eko", "Fitri", "Arif", "Mega",
                             "Ketut", "Made", "Ucok", "Tiur", "Mei Ling", "John", "Sarah"]
    static let lastNames = ["Wulandari", "Santoso", "Rahmawati", "Saputra", "Lestari", "Pratama", "Nasution", "Hidayat", "Siregar",
                            "Kusuma", "Wijaya", "Putra", "Sari", "Gunawan", "Halim", "Tan"]

    /// Escape sequences and bidi tricks a hostile account might post; the desk must show them inert.
    static let hostile = [
        "Cek info lengkap \u{1B}]0;HACKED\u{07}di sini\u{1B}[2J\u{1B}[H min",
        "Harga promo \u{202E}%09 nocsid\u{202C} hari ini saja",
    ]
}
