/// A person who may act on the desk.
public struct StaffMember: Hashable, Sendable, Codable {
    /// The login name (`$USER`) this entry belongs to; it is the actor name on the log.
    public var name: String
    /// The name citizens see in a signed reply (`{staff.name}`); defaults to the login name.
    public var displayName: String
    public var role: Role
    /// Inactive staff stay on the record but may no longer act.
    public var active: Bool

    public init(name: String, displayName: String? = nil, role: Role, active: Bool = true) {
        self.name = name
        self.displayName = displayName ?? name
        self.role = role
        self.active = active
    }

    /// What a staff member may do.
    public enum Role: String, CaseIterable, Sendable, Codable {
        /// Triage and answer comments.
        case agent
        /// Also assign work to others, manage staff and act on escalations.
        case supervisor
    }

    /// Login names the command line reads as filter words (`--assignee me`, `--assignee none`), so no one may have them.
    public static let reservedNames = ["me", "none"]
    /// The name the log gives the desk's own rule (the escalation sweep): no person may act under it.
    public static let systemName = "meja"

    /// Why nobody may newly take `name` (in any capitals), or nil: the filter words and the sweep's name.
    public static func reservation(of name: String) -> String? {
        let lowered = name.lowercased()
        if reservedNames.contains(lowered) {
            return "'\(name)' is reserved: filters read --assignee \(reservedNames.joined(separator: "/")) as yourself or nobody; choose another login name"
        }
        if lowered == systemName {
            return "'\(name)' is reserved: the log names the desk's own escalation sweep so, and a person's actions must not read as the sweep's; choose another login name"
        }
        return nil
    }

    /// Whether a new staff member may take `name`: a login name as systems write them — ASCII letters, digits, `.`, `_`
    /// and `-`, not starting with `-` or `.` — so that no two names on the list look alike (`rina` and `rіna` with a
    /// Cyrillic і) and none reads as an option.
    public static func isPlainLoginName(_ name: String) -> Bool {
        guard isValidName(name), let first = name.unicodeScalars.first, first != "-", first != "." else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII }
    }

    /// Whether the login name is acceptable: letters, digits, `.`, `_` and `-`, 1–64 characters.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}
