import Foundation

/// Who is acting: the staff entry of the login name, or the one `MEJA_ACTOR` (or a `$USER` that is not the account's
/// own name) names — recorded as an override, with the account's real name, on every event.
public struct ActorIdentity: Sendable, Hashable {
    /// The staff name actions are recorded under.
    public var name: String
    /// The operating-system account of the process.
    public var login: String
    /// True when `name` is not the account's own name.
    public var overridden: Bool
    /// What chose `name` when it was overridden: `MEJA_ACTOR`, or `USER`/`LOGNAME` set to another name.
    public var overriddenBy: String

    public init(name: String, login: String, overridden: Bool, overriddenBy: String = "MEJA_ACTOR") {
        self.name = name
        self.login = login
        self.overridden = overridden
        self.overriddenBy = overriddenBy
    }

    /// The system itself (automatic escalations), never a person: its login is no account's name, so an account called
    /// `meja` acts as whatever the staff list says of `meja` (nobody may be added under that name), not as the system.
    public static let system = ActorIdentity(name: StaffMember.systemName, login: "(the desk's own rule)", overridden: false)

    /// `MEJA_ACTOR`, else `$USER` (else `$LOGNAME`), else the account's name. Any of these that differs from the name of
    /// the account the process runs as (`account`) is an override: the log keeps that account's name beside it, so
    /// acting under a colleague's name leaves a trace.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       account: String = ActorIdentity.accountName()) -> ActorIdentity {
        func named(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        let claimed = named("USER").map { ($0, "USER") } ?? named("LOGNAME").map { ($0, "LOGNAME") }
        if let forced = named("MEJA_ACTOR") {
            return ActorIdentity(name: forced, login: account, overridden: forced != account, overriddenBy: "MEJA_ACTOR")
        }
        if let (name, via) = claimed, name != account {
            return ActorIdentity(name: name, login: account, overridden: true, overriddenBy: via)
        }
        return ActorIdentity(name: account, login: account, overridden: false)
    }

    /// The name of the account the process runs as (from the password database, not the environment).
    public static func accountName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return NSUserName() }
        return String(cString: name)
    }

    /// What the log adds to every payload when the actor was overridden.
    var payloadNote: [String: JSONValue] {
        overridden ? ["actor_override": ["via": .string(overriddenBy), "login": .string(login)]] : [:]
    }
}
