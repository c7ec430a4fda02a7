/// A text attribute a theme may ask for.
public enum TextAttribute: String, CaseIterable, Sendable, Hashable, Comparable {
    case bold, dim, reverse, underline, italic

    public static func < (a: TextAttribute, b: TextAttribute) -> Bool { a.rawValue < b.rawValue }
}

/// What a cell style comes to on a terminal of a given depth: colour numbers (-1 the terminal default) and
/// attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var attributes: Set<TextAttribute>

    public init(foreground: Int = -1, background: Int = -1, attributes: Set<TextAttribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A layered colour theme (DESIGN.md): `[palette]` names raw colours, `[roles]` give meanings a palette colour
/// and attributes, `[objects]` give each UI element a role and attributes of its own.
///
/// A theme only says what it changes: objects it leaves out keep the built-in role of `Theme.defaultObjects`,
/// roles it leaves out keep the terminal's colours. Without colour (an 8-colour or monochrome terminal,
/// `NO_COLOR`) each role falls back to its `mono` attributes, and every SLA badge keeps its text glyph.
public struct Theme: Sendable {
    /// What a role means for a cell.
    public struct Role: Sendable, Hashable {
        public var foreground: ThemeColor?
        public var background: ThemeColor?
        public var attributes: Set<TextAttribute>
        /// Attributes used instead of colour when there is none.
        public var mono: Set<TextAttribute>

        public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: Set<TextAttribute> = [],
                    mono: Set<TextAttribute> = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
            self.mono = mono
        }
    }

    /// How a UI element is drawn: a role plus attributes of its own.
    public struct ObjectStyle: Sendable, Hashable {
        public var role: RoleName
        public var attributes: Set<TextAttribute>

        public init(_ role: RoleName, _ attributes: Set<TextAttribute> = []) {
            self.role = role
            self.attributes = attributes
        }
    }

    /// The roles of DESIGN.md.
    public enum RoleName: String, CaseIterable, Sendable, Hashable {
        case text, muted, accent, danger, warning, ok, selection
    }

    public var name: String
    /// False for themes that never use colour (`color = false`, the monochrome theme).
    public var usesColor: Bool
    public var roles: [RoleName: Role]
    public var objects: [UIObject: ObjectStyle]

    public init(name: String, usesColor: Bool = true, roles: [RoleName: Role] = [:], objects: [UIObject: ObjectStyle] = [:]) {
        self.name = name
        self.usesColor = usesColor
        self.roles = Theme.defaultRoles.merging(roles) { _, new in new }
        self.objects = Theme.defaultObjects.merging(objects) { _, new in new }
    }

    /// Roles when a theme says nothing: the terminal's colours, with attributes that keep meaning without colour.
    public static let defaultRoles: [RoleName: Role] = [
        .text: Role(),
        .muted: Role(mono: [.dim]),
        .accent: Role(mono: [.bold]),
        .danger: Role(mono: [.bold]),
        .warning: Role(mono: [.underline]),
        .ok: Role(),
        .selection: Role(attributes: [.reverse], mono: [.reverse]),
    ]

    /// The role and attributes of every UI element unless a theme's `[objects]` says otherwise.
    public static let defaultObjects: [UIObject: ObjectStyle] = [
        .text: .init(.text), .muted: .init(.muted), .title: .init(.accent, [.bold, .reverse]), .heading: .init(.muted, [.bold]),
        .status: .init(.accent), .footer: .init(.muted), .footerKey: .init(.accent, [.bold]),
        .badgeBreached: .init(.danger, [.bold]), .badgeAtRisk: .init(.warning, [.bold]), .badgeOnTrack: .init(.ok),
        .badgePaused: .init(.muted), .badgeMet: .init(.ok), .badgeNone: .init(.muted),
        .platform: .init(.accent), .author: .init(.text, [.bold]), .assignee: .init(.muted), .tag: .init(.muted),
        .focus: .init(.text, [.bold]), .agency: .init(.ok), .editor: .init(.text), .overLimit: .init(.danger, [.bold]),
        .humor: .init(.warning), .blocking: .init(.danger, [.bold]), .warning: .init(.warning), .ok: .init(.ok),
        .error: .init(.danger, [.bold]), .info: .init(.ok), .frame: .init(.accent), .prompt: .init(.text, [.bold]),
    ]

    /// The theme used when no theme file can be found: terminal colours with the basic eight for meaning.
    public static let builtin = Theme(name: "builtin", roles: [
        .muted: Role(foreground: .index(8), mono: [.dim]),
        .accent: Role(foreground: .index(6), mono: [.bold]),
        .danger: Role(foreground: .index(1), mono: [.bold]),
        .warning: Role(foreground: .index(3), mono: [.underline]),
        .ok: Role(foreground: .index(2)),
        .selection: Role(attributes: [.reverse], mono: [.reverse]),
    ])

    /// How `style` is drawn at `depth` (always without colour when the theme says `color = false`).
    public func resolve(_ style: CellStyle, depth requested: ColorDepth) -> ResolvedStyle {
        let depth = usesColor ? requested : .none
        let object = objects[style.object] ?? ObjectStyle(.text)
        let role = roles[object.role] ?? Role()
        var out = ResolvedStyle(attributes: object.attributes.union(role.attributes))
        apply(role, depth: depth, to: &out, highlighted: false)
        if style.highlighted { apply(roles[.selection] ?? Role(), depth: depth, to: &out, highlighted: true) }
        return out
    }

    /// Adds a role's colours at `depth`, or its `mono` attributes where a colour cannot be shown.
    private func apply(_ role: Role, depth: ColorDepth, to out: inout ResolvedStyle, highlighted: Bool) {
        if highlighted { out.attributes.formUnion(role.attributes) }
        var lost = depth == .none && (role.foreground != nil || role.background != nil || !role.mono.isEmpty)
        if depth != .none {
            if let fg = role.foreground {
                if let n = fg.number(depth: depth) {
                    if !highlighted || out.foreground == -1 || out.foreground == out.background { out.foreground = n }
                } else { lost = true }
            }
            if let bg = role.background {
                if let n = bg.number(depth: depth) { out.background = n } else { lost = true }
            }
        }
        if lost || (depth == .none && highlighted) { out.attributes.formUnion(role.mono) }
        if highlighted, out.foreground != -1, out.foreground == out.background { out.foreground = -1 }
    }
}
