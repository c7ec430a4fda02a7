/// A problem found in a file people edit (config, templates, themes, key bindings) or import.
///
/// Its description is `FILE:LINE: what is wrong`, the shape editors and terminals turn into a link. The description
/// is safe to print: the file's name and the message are made inert (`SafeText`) and capped, since both can carry
/// what the file or its name holds. `file` and `message` stay as given.
public struct FileIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or nil when the problem is with the whole file.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// Characters of the message shown at most; the values it quotes are cut shorter where they are quoted.
    public static let messageLimit = 2_000

    public var description: String {
        let place = SafeText.forMessage(file, limit: 500) + (line.map { ":\($0)" } ?? "")
        return "\(place): \(SafeText.sanitize(message, limit: Self.messageLimit))"
    }
}
