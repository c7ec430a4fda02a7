/// Who met each answered comment's response clock: the first reply linked to it at its answer time — or, for a
/// comment answered along with a later one of the same citizen in the same conversation (one answer meets both),
/// the first reply at that time to a comment of that citizen in that conversation.
///
/// Built from one pass over the replies and one over the comments, with no lookups in the store. Conversations
/// (platform, thread key, author handle) are compared by a 64-bit hash, only among the replies sent in the same
/// second.
struct AnswerCredits {
    /// The earliest reply linked to each comment (by comment id): when, and whose credit.
    private var firstAt: [Int64] = []
    private var firstBy: [Int32] = []
    /// Replies linked to comments, by send time then id (sorted by `prepare`).
    private var replies: [(sentAt: Int64, id: Int64, comment: Int64, by: Int32)] = []
    private var sorted = true
    /// The conversation of each answered comment, by comment id (0 when not noted).
    private var conversation: [UInt64] = []

    mutating func reserve(_ n: Int) {
        replies.reserveCapacity(n)
        conversation.reserveCapacity(n + 1)
    }

    /// Notes a reply (in id order) linked to `comment`, with the credit it carries.
    mutating func addReply(id: Int64, comment: Int64, sentAt: Int64, by credit: Int32) {
        let i = Int(comment)
        if i >= firstAt.count {
            firstAt += repeatElement(.max, count: i - firstAt.count + 1)
            firstBy += repeatElement(-1, count: i - firstBy.count + 1)
        }
        if sentAt < firstAt[i] {
            firstAt[i] = sentAt
            firstBy[i] = credit
        }
        if let last = replies.last, (last.sentAt, last.id) > (sentAt, id) { sorted = false }
        replies.append((sentAt, id, comment, credit))
    }

    /// Notes the conversation of an answered comment.
    mutating func noteConversation(of comment: Int64, platform: UnsafeRawBufferPointer, thread: UnsafeRawBufferPointer,
                                   author: UnsafeRawBufferPointer) {
        let i = Int(comment)
        if i >= conversation.count { conversation += repeatElement(0, count: i - conversation.count + 1) }
        conversation[i] = Self.hash(platform, thread, author)
    }

    /// The credit of the reply linked to `comment` that answered it at `at`, if that is how it was answered.
    func direct(_ comment: Int64, at: Int64) -> Int32? {
        let i = Int(comment)
        return i < firstAt.count && firstAt[i] == at ? firstBy[i] : nil
    }

    /// Call once after the comments are noted, before `throughConversation`.
    mutating func prepare() {
        if !sorted { replies.sort { ($0.sentAt, $0.id) < ($1.sentAt, $1.id) } }
        sorted = true
    }

    /// The credit of the first reply sent at `at` to a comment in `comment`'s conversation by the same citizen.
    func throughConversation(_ comment: Int64, at: Int64) -> Int32? {
        let key = Int(comment) < conversation.count ? conversation[Int(comment)] : 0
        guard key != 0 else { return nil }
        var lo = 0, hi = replies.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if replies[mid].sentAt < at { lo = mid + 1 } else { hi = mid }
        }
        while lo < replies.count, replies[lo].sentAt == at {
            let other = Int(replies[lo].comment)
            if other < conversation.count, conversation[other] == key { return replies[lo].by }
            lo += 1
        }
        return nil
    }

    /// FNV-1a over the three texts, each closed by a separator (never 0).
    private static func hash(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ c: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ part: UnsafeRawBufferPointer) {
            for byte in part { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            h = (h ^ 0xFF) &* 0x100_0000_01b3
        }
        mix(a)
        mix(b)
        mix(c)
        return h == 0 ? 1 : h
    }
}
