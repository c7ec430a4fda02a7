/// Where a key is pressed: each screen, overlay and prompt has its own bindings (a `[section]` of `keys.toml`).
public enum KeyContext: String, CaseIterable, Sendable, Hashable, Comparable {
    case queue
    case thread
    case composer
    case review
    case overdue
    case passedOver = "passed-over"
    case log
    case reports
    case help
    /// A one-line text prompt (search, command line, override reason).
    case prompt
    /// A list to choose from (staff to assign, status to set).
    case picker

    /// Contexts where unbound printable keys are typed as text rather than ignored.
    public var acceptsText: Bool { self == .composer || self == .prompt }

    public static func < (a: KeyContext, b: KeyContext) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
