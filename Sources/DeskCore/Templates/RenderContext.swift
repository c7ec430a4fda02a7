import Foundation

/// The values a template's `{variables}` are filled with. Every value is optional: a variable without a value
/// stays visible in the rendered text (`{sla.promise}`) and the pre-send linter reports it.
///
/// The desk fills it from the comment (citizen), the configuration (agency, office hours, links), the SLA
/// promise and the staff member who answers.
public struct RenderContext: Hashable, Sendable {
    /// `{citizen.name}`: what to call the citizen ("Budi"; templates write "Kak {citizen.name}").
    public var citizenName: String?
    /// `{citizen.handle}`: the citizen's handle with `@`.
    public var citizenHandle: String?
    /// `{agency.name}`: the agency's full name.
    public var agencyName: String?
    /// `{agency.website}`: the agency's website (host and path, e.g. `diskominfo.contoh.go.id`).
    public var agencyWebsite: String?
    /// `{agency.phone}`: the agency's call centre or WhatsApp number, as the agency publishes it.
    public var agencyPhone: String?
    /// `{staff.name}`: the name of the staff member who signs the reply.
    public var staffName: String?
    /// `{ticket.ref}`: the reference number the citizen can quote.
    public var ticketRef: String?
    /// `{sla.promise}`: when the agency promises an answer or a fix ("Senin, 7 Desember 2026 pukul 16.00").
    public var slaPromise: String?
    /// `{office.hours}`: the office hours as people read them ("Senin–Jumat 07.30–16.00 WIB").
    public var officeHours: String?
    /// `{channel}`: the agency account that received the comment (`@diskominfo_contoh`).
    public var channel: String?
    /// `{platform}`: the platform's display name ("Instagram").
    public var platform: String?
    /// `{link}`: the page that answers this particular question (staff fills it in).
    public var link: String?
    /// `{service.name}`: the service asked about ("pembuatan KTP-el").
    public var serviceName: String?
    /// `{redirect.agency}`: the agency that handles the matter instead.
    public var redirectAgency: String?
    /// `{redirect.contact}`: how to reach that agency (account, number or website).
    public var redirectContact: String?
    /// Further values by variable name, for an agency's own templates' needs.
    public var extra: [String: String]
    /// Whether the citizen opened with a salam ("Assalamualaikum"): an Indonesian reply answers it first.
    public var greetedWithSalam = false

    /// A context with the values known; leave the others nil.
    public init(citizenName: String? = nil, citizenHandle: String? = nil, agencyName: String? = nil, agencyWebsite: String? = nil,
                agencyPhone: String? = nil, staffName: String? = nil, ticketRef: String? = nil, slaPromise: String? = nil,
                officeHours: String? = nil, channel: String? = nil, platform: String? = nil, link: String? = nil,
                serviceName: String? = nil, redirectAgency: String? = nil, redirectContact: String? = nil, extra: [String: String] = [:]) {
        self.citizenName = citizenName
        self.citizenHandle = citizenHandle
        self.agencyName = agencyName
        self.agencyWebsite = agencyWebsite
        self.agencyPhone = agencyPhone
        self.staffName = staffName
        self.ticketRef = ticketRef
        self.slaPromise = slaPromise
        self.officeHours = officeHours
        self.channel = channel
        self.platform = platform
        self.link = link
        self.serviceName = serviceName
        self.redirectAgency = redirectAgency
        self.redirectContact = redirectContact
        self.extra = extra
    }

    /// The fields behind the named variables.
    nonisolated(unsafe) private static let fields: [String: WritableKeyPath<RenderContext, String?>] = [
        "citizen.name": \.citizenName, "citizen.handle": \.citizenHandle, "agency.name": \.agencyName,
        "agency.website": \.agencyWebsite, "agency.phone": \.agencyPhone, "staff.name": \.staffName, "ticket.ref": \.ticketRef,
        "sla.promise": \.slaPromise, "office.hours": \.officeHours, "channel": \.channel, "platform": \.platform, "link": \.link,
        "service.name": \.serviceName, "redirect.agency": \.redirectAgency, "redirect.contact": \.redirectContact,
    ]

    /// The value of a variable as a reply may carry it, or nil when it has none (an empty string counts as none).
    ///
    /// Values come partly from outside (a citizen's display name is whatever they typed), so each is made inert
    /// before it enters a reply (`SafeText.replyValue`): control characters, escape sequences and direction overrides
    /// are dropped, line breaks become spaces, and braces become parentheses, so that a name such as
    /// "{agency.name}" is never read as a variable of its own.
    public func value(for variable: String) -> String? {
        let v = Self.fields[variable].map { self[keyPath: $0] } ?? extra[variable]
        guard let v else { return nil }
        let safe = SafeText.replyValue(v)
        return safe.trimmingCharacters(in: .whitespaces).isEmpty ? nil : safe
    }

    /// `text` with each `{variable}` that has a value replaced by it; other braces stay as they are (free text staff
    /// wrote, which is not parsed as a template).
    public func fill(_ text: String) -> String {
        var out = ""
        TemplateText.scanBraces(text, literal: { out += $0 }, braced: { name, whole in out += value(for: String(name)) ?? String(whole) })
        return out
    }

    /// Gives a variable a value (what staff fill in: `link`, `service.name` …).
    public mutating func set(_ variable: String, to value: String) {
        if let field = Self.fields[variable] { self[keyPath: field] = value } else { extra[variable] = value }
    }

    /// Every variable a template may use, with what it means (for docs and error messages).
    public static let knownVariables: [(name: String, meaning: String)] = [
        ("citizen.name", "the citizen's name (display name, else handle without @)"),
        ("citizen.handle", "the citizen's handle with @"),
        ("agency.name", "the agency's name from config.toml"),
        ("agency.website", "the agency's website"),
        ("agency.phone", "the agency's call centre or WhatsApp number"),
        ("staff.name", "the staff member who signs the reply"),
        ("ticket.ref", "the reference number of the case"),
        ("sla.promise", "when the agency promises an answer or a fix"),
        ("office.hours", "office hours as people read them"),
        ("channel", "the agency account that received the comment"),
        ("platform", "the platform's name (Instagram, X …)"),
        ("link", "the page that answers this question (filled in by staff)"),
        ("service.name", "the service asked about (filled in by staff)"),
        ("redirect.agency", "the agency that handles the matter instead (filled in by staff)"),
        ("redirect.contact", "how to reach that agency (filled in by staff)"),
    ]

    /// Every variable's name in braces, for messages: "{citizen.name}, {citizen.handle}, …".
    public static let knownVariableList = knownVariables.map { "{\($0.name)}" }.joined(separator: ", ")

    /// Whether `name` is a variable templates may use.
    public static func isKnown(_ name: String) -> Bool { knownNames.contains(name) }
    private static let knownNames = Set(knownVariables.map(\.name))

    /// Whether `name` was meant as a variable, though mistyped: a known variable in other case or with "_" for "."
    /// ("LINK", "sla_promise"), a known variable's first part alone ("citizen"), or that first part and more
    /// ("sla.janji", "CITIZEN.NAME").
    public static func isSlip(_ name: String) -> Bool {
        let lower = name.lowercased()
        if knownNames.contains(lower) || knownNames.contains(lower.replacingOccurrences(of: "_", with: ".")) { return true }
        let first = lower.split(whereSeparator: { $0 == "." || $0 == "_" }).first.map(String.init) ?? lower
        return namespaces.contains(first)
    }
    /// The first parts of the dotted variables' names ("citizen", "sla", …).
    private static let namespaces = Set(knownVariables.compactMap { v in v.name.firstIndex(of: ".").map { String(v.name[..<$0]) } })
}
