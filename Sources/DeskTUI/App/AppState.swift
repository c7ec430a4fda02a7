import DeskCore
import Foundation

/// Everything the desk shows, as plain values. Only `Reducer` changes it; views only read it.
public struct AppState: Sendable {
    /// Below this size the desk shows "terminal too small" instead of a screen.
    public static let minimumSize = Size(width: 80, height: 24)

    public var size: Size
    public var now: Date
    public var language: Language
    /// The staff name actions are recorded under.
    public var actor: String
    public var isSupervisor: Bool
    /// Why the person at the desk cannot act (not on the staff list, or no longer active); nil when they can. The desk
    /// says it at the top and before a reply is written, rather than at sending.
    public var cannotAct: Localized?
    /// The agency's name, for the title bar.
    public var agency: String
    /// The channels the channel filter cycles through: the agency's accounts from the configuration, then every
    /// other channel on the desk (read at the start) and any seen on comments loaded since.
    public var channels: [String] = []
    /// Whether every channel on the desk was asked for (once, at the start).
    public var channelsAsked = false
    /// The platforms the platform filter cycles through: those Meja imports, e-mail and web, then any other seen on
    /// comments loaded since (an agency's own import of another platform).
    public var platforms: [Platform] = Platform.social + [.email, .web]
    /// The zone times are shown in (the agency calendar's).
    public var timeZone: TimeZone = TimeZone(identifier: "Asia/Jakarta") ?? .gmt

    /// The screens, queue first; the last one is shown.
    public var stack: [ScreenID] = [.queue]
    public var queue = QueueScreenState()
    /// The thread shown (the topmost `.thread` screen).
    public var thread: ThreadScreenState?
    /// The threads under it, when one was opened from another (`:open`): each `.thread` screen below the top one, in
    /// stack order, so that going back shows the thread one came from.
    public var threadsBelow: [ThreadScreenState] = []
    public var composer: ComposerState?
    public var review: ReviewState?
    public var overdue = OverdueState()
    public var passedOver = ItemListState()
    /// How many of the queue's most urgent comments the passed-over list looked at, when that was not the whole queue.
    public var passedOverScanned: Int?
    public var log = LogScreenState()
    public var reports = ReportsState()
    /// The help overlay's scroll position, or nil when it is closed.
    public var help: Int?
    public var prompt: PromptState?
    public var picker: PickerState?
    public var notice: Notice?
    /// Problems found in keys.toml and the theme at start, shown until the first key.
    public var startupIssues: [String] = []
    /// False once the user has quit.
    public var running = true
    /// The newest comment id looked at for arrivals that need someone at once (nil before the first look).
    public var urgentSeen: Int64?
    /// The arrivals that need someone at once and are not opened yet, named over the title bar of every screen one at a
    /// time until each is opened, a colleague deals with it, or Esc at the queue (a key does not put it away, as it
    /// does a notice).
    public var alert: Alert?
    /// The machine's uptime when the bell last rang for such an arrival (it rings at most once a minute).
    public var bellRangAt: TimeInterval?
    /// The key bindings in force (keys.toml over the defaults), for the help overlay's length.
    public var keys: KeyMap = .defaults

    public init(size: Size, now: Date, language: Language, actor: String, isSupervisor: Bool, agency: String = "") {
        self.size = size
        self.now = now
        self.language = language
        self.actor = actor
        self.isSupervisor = isSupervisor
        self.agency = agency
        reports = ReportsState(language: language)
    }

    /// The screen on top.
    public var screen: ScreenID { stack.last ?? .queue }

    /// Where keys go now: the help overlay first (it may be open over a list to choose from), then a picker or prompt,
    /// then the screen.
    public var keyContext: KeyContext {
        if help != nil { return .help }
        if picker != nil { return .picker }
        if prompt != nil { return .prompt }
        return screen.context
    }

    /// The comments marked for one action on several (`toggle-mark`, in the queue or on the overdue board), in the order
    /// they were marked. Marks stay while the filter changes (the status line counts them); the triage actions then act
    /// on every marked comment instead of the one under the cursor.
    public var marked: [Int64] = []

    /// Quitting was asked for once while comments were marked (marks are not kept): the next `back` at the queue quits,
    /// any other key takes the question back.
    public var quitAsked = false

    /// The marked comments a triage action acts on, or nil when it acts on the one under the cursor (no marks, or a
    /// screen other than the queue and the overdue board on top).
    public var markedTargets: [Int64]? { (screen == .queue || screen == .overdue) && !marked.isEmpty ? marked : nil }

    /// Whether the terminal is big enough to draw screens.
    public var fits: Bool { size.width >= Self.minimumSize.width && size.height >= Self.minimumSize.height }

    public var strings: Strings { Strings(language) }

    /// Adds channels seen on loaded comments to `channels` (the configured ones stay first; new ones sorted after them).
    mutating func learnChannels(_ seen: [String]) {
        var known = Set(channels.map(Author.normalizedHandle))
        var new: [String] = []
        for c in seen {
            let handle = Author.normalizedHandle(c)
            if known.insert(handle).inserted { new.append(handle) }
        }
        channels += new.sorted()
    }

    /// Adds platforms seen on the desk or on loaded comments to `platforms`, in the order first seen.
    mutating func learnPlatforms(_ seen: [Platform]) {
        for p in seen where !platforms.contains(p) { platforms.append(p) }
    }
}
