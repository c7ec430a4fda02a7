import Foundation

/// Where Meja keeps data and looks for configuration (XDG base directories).
public enum MejaPaths {
    /// `--db`, else `MEJA_DB`, else `$XDG_DATA_HOME/meja/meja.sqlite` (`~/.local/share/meja/meja.sqlite`).
    public static func database(explicit: String?, _ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnv = env["MEJA_DB"], !fromEnv.isEmpty { return fromEnv }
        return dataDirectory(env).appendingPathComponent("meja.sqlite").path
    }

    /// `$XDG_DATA_HOME/meja`, else `~/.local/share/meja`.
    public static func dataDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(env["XDG_DATA_HOME"], fallback: ".local/share", env).appendingPathComponent("meja")
    }

    /// `$XDG_CONFIG_HOME/meja`, else `~/.config/meja`.
    public static func configDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(env["XDG_CONFIG_HOME"], fallback: ".config", env).appendingPathComponent("meja")
    }

    private static func base(_ value: String?, fallback: String, _ env: [String: String]) -> URL {
        if let value, value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(fallback)
    }
}
