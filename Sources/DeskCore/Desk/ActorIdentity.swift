import Foundation

/// Who is acting: the staff entry of the login name, or the one `MEJA_ACTOR` names (recorded as an override).
public struct ActorIdentity: Sendable, Hashable {
    /// The staff name actions are recorded under.
    public var name: String
    /// The operating-system login of the process.
    public var login: String
    /// True when `MEJA_ACTOR` chose `name` instead of the login.
    public var overridden: Bool

    public init(name: String, login: String, overridden: Bool) {
        self.name = name
        self.login = login
        self.overridden = overridden
    }

    /// The system itself (automatic escalations), never a person.
    public static let system = ActorIdentity(name: "meja", login: "meja", overridden: false)

    /// `$USER` (else `$LOGNAME`, else the account name), overridden by `MEJA_ACTOR`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> ActorIdentity {
        let login = [env["USER"], env["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
        if let forced = env["MEJA_ACTOR"], !forced.isEmpty, forced != login {
            return ActorIdentity(name: forced, login: login, overridden: true)
        }
        return ActorIdentity(name: login, login: login, overridden: false)
    }

    /// What the log adds to every payload when the actor was overridden.
    var payloadNote: [String: JSONValue] {
        overridden ? ["actor_override": ["via": "MEJA_ACTOR", "login": .string(login)]] : [:]
    }
}
