import Foundation

/// Realistic X API v2 search results for benchmarks and tests, the same for the same arguments.
///
/// The output is twarc2-style JSON lines: one response per line with 100 tweets in `data` and their authors in
/// `includes.users`, newest first as the API lists them. Citizens (Indonesian and English, with emoji, `&amp;`
/// escapes and `t.co` links) reply to the agency's posts; about one tweet in ten is the agency's reply to a citizen
/// earlier in the same conversation, so importing exercises reply linking and clock stopping as well.
public enum XV2Sample {
    /// `count` tweets as X API v2 response lines. `agencyHandle` is the agency's username (without `@`).
    public static func generate(count: Int, agencyHandle: String = "diskominfo_contoh",
                                start: Date = Date(timeIntervalSince1970: 1_795_392_000)) -> Data {
        var rng = SplitMix(seed: 0x4D454A41)
        let agencyID = "1500000000000000001"
        let pageSize = 100
        var out = String()
        out.reserveCapacity(count * 620)
        var produced = 0
        var nextID: UInt64 = 1_864_000_000_000_000_000
        var page = 0
        while produced < count {
            let n = min(pageSize, count - produced)
            var tweets: [String] = []
            tweets.reserveCapacity(n)
            var users: [String: String] = [:]
            var citizens: [(id: String, author: String, handle: String)] = []
            let root = String(1_863_000_000_000_000_000 + UInt64(page))
            for k in 0..<n {
                nextID += 1 + UInt64(rng.next() % 5)
                let id = String(nextID)
                let seconds = Double(produced + k) * 9 + Double(rng.next() % 7)
                let created = Timestamp.utc(start.addingTimeInterval(seconds)).dropLast() + ".000Z"
                let agencyReply = k % 10 == 9 && !citizens.isEmpty
                var o = "{\"id\":\"\(id)\",\"edit_history_tweet_ids\":[\"\(id)\"],\"created_at\":\"\(created)\",\"conversation_id\":\"\(root)\""
                let text: String
                if agencyReply {
                    let target = citizens[Int(rng.next() % UInt64(citizens.count))]
                    text = "@\(target.handle) " + replies[Int(rng.next() % UInt64(replies.count))]
                    o += ",\"author_id\":\"\(agencyID)\",\"in_reply_to_user_id\":\"\(target.author)\""
                    o += ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"\(target.id)\"}]"
                    users[agencyID] = "{\"id\":\"\(agencyID)\",\"username\":\"\(agencyHandle)\",\"name\":\"Diskominfo Kota Contoh\"}"
                } else {
                    let u = Int(rng.next() % 5_000)
                    let author = String(900_000_000 + u)
                    let handle = "warga_\(names[u % names.count])\(u)"
                    text = "@\(agencyHandle) " + comments[Int(rng.next() % UInt64(comments.count))]
                    o += ",\"author_id\":\"\(author)\",\"in_reply_to_user_id\":\"\(agencyID)\""
                    o += ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"\(root)\"}]"
                    users[author] = "{\"id\":\"\(author)\",\"username\":\"\(handle)\",\"name\":\"\(names[u % names.count].capitalized) \(u)\"}"
                    citizens.append((id, author, handle))
                }
                o += ",\"lang\":\"\(UTF8Search.contains(text, "the ") ? "en" : "in")\",\"text\":"
                JSONValue.quote(text, into: &o)
                if UTF8Search.contains(text, "https://t.co/") {
                    o += ",\"entities\":{\"urls\":[{\"start\":0,\"end\":23,\"url\":\"https://t.co/Ab12Cd34Ef\",\"expanded_url\":\"https://lapor.go.id/laporan/8812\",\"display_url\":\"lapor.go.id/laporan/8812\"}]}"
                }
                o += ",\"public_metrics\":{\"retweet_count\":\(rng.next() % 4),\"reply_count\":\(rng.next() % 3),\"like_count\":\(rng.next() % 40),\"quote_count\":0,\"bookmark_count\":0,\"impression_count\":\(rng.next() % 3000)}}"
                tweets.append(o)
            }
            out += "{\"data\":["
            out += tweets.reversed().joined(separator: ",")
            out += "],\"includes\":{\"users\":["
            out += users.keys.sorted().map { users[$0]! }.joined(separator: ",")
            out += "]},\"meta\":{\"result_count\":\(n),\"newest_id\":\"\(nextID)\",\"next_token\":\"b26v89c19zqg8o3f\(page)\"}}\n"
            produced += n
            page += 1
        }
        return Data(out.utf8)
    }

    private static let names = ["budi", "sari", "agus", "dewi", "rina", "joko", "putri", "eko", "lina", "fajar", "maya", "andi"]

    private static let comments = [
        "Min, lampu jalan di Jl. Merdeka mati sudah 3 hari 😭 kapan diperbaiki?",
        "Pelayanan KTP di kecamatan cepat banget hari ini, makasih ya 👍",
        "Banjir lagi di RT 05 &amp; RT 06, air sudah selutut 🌧️ mohon bantuan",
        "Kenapa sampah di pasar belum diangkut dari kemarin? bau bgt",
        "Is the city hall open on Saturday for the tax office?",
        "Laporan saya sudah masuk di https://t.co/Ab12Cd34Ef tapi belum ada tindak lanjut",
        "wkwk jalannya udah kayak kolam ikan min 🐟🐟",
        "Terima kasih atas info vaksinnya, sangat membantu keluarga kami 🙏",
        "Jadwal posyandu bulan depan kapan ya? &lt;3 buat petugasnya",
        "The bus stop near the school has no roof, kids get wet every day",
    ]

    private static let replies = [
        "Terima kasih laporannya, Kak. Sudah kami teruskan ke dinas terkait 🙏",
        "Halo Kak, mohon kirim lokasi lengkapnya lewat DM ya agar segera ditindaklanjuti.",
        "Thank you, we have forwarded this to the transport office.",
        "Sama-sama, Kak! Senang bisa membantu 😊",
    ]

    /// A small, fast, deterministic generator (SplitMix64).
    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
