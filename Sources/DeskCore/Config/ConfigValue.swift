/// A TOML value as plain Swift data, so configuration can be read without holding parser objects.
public indirect enum ConfigValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// Dates and times, kept as their TOML text.
    case other(String)

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var int: Int? { if case .int(let i) = self { return i } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var double: Double? {
        switch self {
        case .double(let d): d
        case .int(let i): Double(i)
        default: nil
        }
    }
    public var array: [ConfigValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var table: [String: ConfigValue]? { if case .table(let t) = self { return t } else { return nil } }

    /// A string or an array of strings, as a list; nil for anything else.
    public var strings: [String]? {
        if let s = string { return [s] }
        guard let a = array else { return nil }
        let items = a.compactMap(\.string)
        return items.count == a.count ? items : nil
    }

    public subscript(key: String) -> ConfigValue? { table?[key] }

    /// What a message says was found: the value itself for a number or true/false ("0", "2.5"), "an empty string"
    /// or the string quoted (cut at 40 characters), else `kindName`.
    public var foundName: String {
        switch self {
        case .int(let n): "\(n)"
        case .double(let d): "\(d)"
        case .bool(let b): "\(b)"
        case .string(let s): s.trimmingCharacters(in: .whitespaces).isEmpty ? "an empty string" : "\"\(s.prefix(40))\(s.count > 40 ? "…" : "")\""
        default: kindName
        }
    }

    /// The kind of value, for error messages ("expected a string, found an array").
    public var kindName: String {
        switch self {
        case .string: "a string"
        case .int: "a whole number"
        case .double: "a number"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        case .other: "a date"
        }
    }
}
