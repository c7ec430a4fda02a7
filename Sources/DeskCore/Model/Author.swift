/// The citizen (or account) who wrote a comment, as the platform names them.
public struct Author: Hashable, Sendable, Codable {
    /// The platform's stable id of the account, when it gave one.
    public var id: String?
    /// The handle as the platform names the account, without a leading `@` (`warga123`; `warga@kota.social` on
    /// Mastodon): given as `@warga123` it is stored as `warga123`, so that both spellings are one citizen.
    public var handle: String
    /// The display name, when known.
    public var name: String?

    public init(id: String? = nil, handle: String, name: String? = nil) {
        self.id = id
        self.handle = handle.utf8.first == UInt8(ascii: "@") && handle.utf8.count > 1 ? String(handle.dropFirst()) : handle
        self.name = name
    }

    /// The author platforms leave out when an account is deleted, suspended or private: nobody in particular.
    public static let unknown = Author(handle: "[deleted]")

    /// Whether the platform named the account (not `unknown`).
    public var isKnown: Bool { handle != Author.unknown.handle }

    /// Whether `other` is the same citizen: the same handle and, where both carry the platform's account id, the same
    /// id (Facebook and YouTube name people by display name, which two people can share). An unknown author is
    /// nobody else: two deleted accounts are not one citizen, and an answer to one never answers the other.
    public func isSame(as other: Author) -> Bool {
        guard isKnown, handle == other.handle else { return false }
        if let a = id, let b = other.id { return a == b }
        return true
    }

    /// The handle with exactly one leading `@`, for display and comparison with channel names.
    public var atHandle: String { Author.normalizedHandle(handle) }

    /// `@name`, lower-cased, for comparing handles across sources (`Warga` and `@warga` are the same account).
    public static func normalizedHandle(_ handle: String) -> String {
        // Fast path: a plain ASCII handle already written as `@lower_case`.
        if handle.utf8.first == UInt8(ascii: "@"), handle.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) {
            return handle
        }
        // Foundation's trimming goes through NSString on Linux: only when there is something to trim.
        let trimmed = handle.first?.isWhitespace == true || handle.last?.isWhitespace == true
            ? handle.trimmingCharacters(in: .whitespaces) : handle
        let bare = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        return "@" + bare.lowercased()
    }
}
