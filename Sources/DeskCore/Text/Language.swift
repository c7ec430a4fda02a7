import Foundation

/// The language of the desk's own words: Bahasa Indonesia when the locale is Indonesian, else English.
public enum Language: String, Sendable, CaseIterable {
    case id
    case en

    /// The language the locale asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the POSIX order);
    /// Indonesian when that value starts with `id` (`id_ID.UTF-8`, `id`), English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("id") ? .id : .en
        }
        return .en
    }
}
