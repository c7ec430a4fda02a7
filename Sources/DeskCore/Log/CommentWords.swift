import Crypto

/// Who wrote what, as imported: a fingerprint of the fields of a comment that nothing changes after its import and that
/// no report counts — its id on the platform, its writer (account id, handle, display name), the conversation and
/// message it answered as the platform named them, and its words. The import's `arrivals` rows carry it
/// (`words_sha256`), so that a citizen's words or name edited in the tables shows in `meja log verify`; its
/// `agency_replies` rows carry the same fingerprint of each agency answer it found, so that what the agency said does too.
///
/// The fingerprint is the first 16 hex digits of SHA-256 over the seven fields in that order (`external_id`,
/// `author_id`, `author_handle`, `author_name`, `thread_id`, `in_reply_to`, `text`, as stored), each written as one
/// byte 0 when absent, or one byte 1, its UTF-8 length as 8 bytes big-endian, and its UTF-8 bytes. In Python:
///
///     h = hashlib.sha256()
///     for f in fields: h.update(b"\0" if f is None else b"\1" + len(f.encode()).to_bytes(8, "big") + f.encode())
///     h.hexdigest()[:16]
public enum CommentWords {
    /// The name of the field in `arrival_fields`.
    public static let field = "words_sha256"

    /// The fingerprint of a record as it will be stored.
    public static func fingerprint(of r: CommentRecord) -> UInt64 {
        fingerprint([r.id, r.author.id, r.author.handle, r.author.name, r.threadID, r.inReplyTo, r.text])
    }

    /// The fingerprint of an agency answer found by an import, as stored: the same seven fields, its writer being the
    /// agency's channel (`author` as stored, with its `@`) with no account id or display name (the `agency_replies` rows of the
    /// import's event carry it).
    public static func fingerprint(of reply: Reply) -> UInt64 {
        fingerprint([reply.externalID, nil, reply.author, nil, reply.threadID, reply.inReplyTo, reply.text])
    }

    private static func fingerprint(_ fields: [String?]) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + ($1?.utf8.count ?? 0) } + 64)
        for field in fields {
            if var s = field { s.withUTF8 { put(UnsafeRawBufferPointer($0), into: &bytes) } } else { put(nil, into: &bytes) }
        }
        return digest(bytes)
    }

    /// The fingerprint of the seven fields as the store holds them (nil for NULL), written out in `buffer` (kept by the
    /// caller across a million rows, so that none of them allocates).
    public static func fingerprint(_ fields: (UnsafeRawBufferPointer?, UnsafeRawBufferPointer?, UnsafeRawBufferPointer?,
                                              UnsafeRawBufferPointer?, UnsafeRawBufferPointer?, UnsafeRawBufferPointer?,
                                              UnsafeRawBufferPointer?), buffer: inout [UInt8]) -> UInt64 {
        buffer.removeAll(keepingCapacity: true)
        // Field by field, not through an array: a million rows, none of them allocating.
        put(fields.0, into: &buffer); put(fields.1, into: &buffer); put(fields.2, into: &buffer); put(fields.3, into: &buffer)
        put(fields.4, into: &buffer); put(fields.5, into: &buffer); put(fields.6, into: &buffer)
        return digest(buffer)
    }

    /// 16 lower-case hex digits.
    public static func hex(_ fingerprint: UInt64) -> String {
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint a log row states, or nil when it is not 16 hex digits.
    public static func parse(_ hex: String) -> UInt64? {
        hex.utf8.count == 16 ? UInt64(hex, radix: 16) : nil
    }

    /// One field as the recipe writes it: the byte 0 when absent, else the byte 1, its length (8 bytes, big-endian) and
    /// its bytes.
    private static func put(_ field: UnsafeRawBufferPointer?, into bytes: inout [UInt8]) {
        guard let field else { return bytes.append(0) }
        bytes.append(1)
        let count = UInt64(field.count)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
        bytes.append(contentsOf: field)
    }

    private static func digest(_ bytes: [UInt8]) -> UInt64 {
        SHA256.hash(data: bytes).withUnsafeBytes { raw in raw.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
    }
}
