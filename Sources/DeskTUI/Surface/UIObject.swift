/// A kind of thing on the screen. Themes give each one a role and attributes (`[objects]`), and snapshot tests
/// record it per cell as a one-letter code, so the look of every screen is tested without a terminal.
public enum UIObject: String, CaseIterable, Sendable, Hashable {
    /// Ordinary text.
    case text
    /// Secondary text: times, counts, separators.
    case muted
    /// The title bar at the top.
    case title
    /// Column headings and section headings.
    case heading
    /// The status line (counts, filters).
    case status
    /// The key hints at the bottom.
    case footer
    /// A key name in the footer or the help overlay.
    case footerKey = "footer.key"
    case badgeBreached = "queue.badge.breached"
    case badgeAtRisk = "queue.badge.at_risk"
    case badgeOnTrack = "queue.badge.on_track"
    case badgePaused = "queue.badge.paused"
    case badgeMet = "queue.badge.met"
    case badgeNone = "queue.badge.none"
    case platform = "queue.platform"
    case author = "queue.author"
    case assignee = "queue.assignee"
    case tag = "queue.tag"
    /// The comment the thread view is about.
    case focus = "thread.focus"
    /// A reply written by the agency.
    case agency = "thread.agency"
    /// The composer's text.
    case editor = "composer.text"
    /// The character counter when the draft is over the platform's limit.
    case overLimit = "composer.over_limit"
    case humor = "composer.humor"
    /// A linter finding that blocks sending, and one that only warns.
    case blocking = "review.blocking"
    case warning = "review.warning"
    case ok
    /// A message after an action that failed.
    case error = "message.error"
    /// A message after an action that worked.
    case info = "message.info"
    /// The frame of an overlay (help, pickers).
    case frame = "overlay.frame"
    /// A one-line prompt (search, command).
    case prompt

    /// What the element is, for `docs/themes.md`.
    public var summary: String {
        switch self {
        case .text: "ordinary text"
        case .muted: "secondary text: times, counts, separators"
        case .title: "the title bar at the top"
        case .heading: "column and section headings"
        case .status: "the status line (counts, filters)"
        case .footer: "the key hints at the bottom"
        case .footerKey: "a key name in the footer and the help overlay"
        case .badgeBreached: "SLA badge and time of a breached clock (`!!`)"
        case .badgeAtRisk: "SLA badge and time of an at-risk clock (`!`)"
        case .badgeOnTrack: "SLA badge and time of a clock on track (`·`)"
        case .badgePaused: "SLA badge of a paused clock (`‖`)"
        case .badgeMet: "SLA badge of a met clock (`✓`)"
        case .badgeNone: "no SLA clock"
        case .platform: "the platform column, template ids"
        case .author: "the citizen's handle"
        case .assignee: "the staff member holding a comment"
        case .tag: "tags"
        case .focus: "the comment the thread view is about"
        case .agency: "replies written by the agency"
        case .editor: "the draft in the composer"
        case .overLimit: "the character counter over the platform's limit"
        case .humor: "humour badges of suggestions"
        case .blocking: "a linter finding that blocks sending"
        case .warning: "a finding or note that only warns"
        case .ok: "good news: no findings, chain intact"
        case .error: "a message after an action that failed"
        case .info: "a message after an action that worked"
        case .frame: "the frame of the help overlay and pickers"
        case .prompt: "the search, command and reason prompts"
        }
    }

    /// The one-letter code in snapshot files (lower case; upper case when the cell is highlighted).
    public var code: Character {
        switch self {
        case .text: "t"
        case .muted: "m"
        case .title: "h"
        case .heading: "d"
        case .status: "s"
        case .footer: "f"
        case .footerKey: "k"
        case .badgeBreached: "b"
        case .badgeAtRisk: "r"
        case .badgeOnTrack: "o"
        case .badgePaused: "z"
        case .badgeMet: "y"
        case .badgeNone: "n"
        case .platform: "l"
        case .author: "a"
        case .assignee: "g"
        case .tag: "x"
        case .focus: "c"
        case .agency: "v"
        case .editor: "e"
        case .overLimit: "q"
        case .humor: "u"
        case .blocking: "i"
        case .warning: "w"
        case .ok: "j"
        case .error: "p"
        case .info: "+"
        case .frame: "#"
        case .prompt: ">"
        }
    }
}

/// How one cell is drawn: what it is, and whether it is part of the highlighted (selected) line.
public struct CellStyle: Hashable, Sendable {
    public var object: UIObject
    public var highlighted: Bool

    public init(_ object: UIObject, highlighted: Bool = false) {
        self.object = object
        self.highlighted = highlighted
    }

    public static let plain = CellStyle(.text)

    /// The snapshot code of the style.
    public var code: Character {
        let c = object.code
        return highlighted ? Character(c.uppercased()) : c
    }
}
