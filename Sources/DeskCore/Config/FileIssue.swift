/// A problem found in a file people edit (config, templates, themes, key bindings) or import.
///
/// Its description is `FILE:LINE: what is wrong`, the shape editors and terminals turn into a link.
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

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
