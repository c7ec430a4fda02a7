import Foundation

/// Describes what a JSON value is, in words, for messages that say what was expected and what was found.
///
/// API error bodies are recognised and quoted (Graph API `{"error": {"message": …}}`, X's problem objects,
/// Google's `{"error": {"code": …, "message": …}}`, Mastodon's `{"error": "…"}`), since a saved error page is the
/// most common "export" that is not one.
enum JSONShape {
    /// E.g. "an object with keys error, message", "an array of 3 strings", "a number",
    /// "an API error response (OAuthException 190: Invalid OAuth access token)".
    static func describe(_ value: JSONValue) -> String {
        if let error = apiError(value) { return "an API error response (\(SafeText.forMessage(error, limit: 300)))" }
        switch value {
        case .null: return "null"
        case .bool: return "true or false"
        case .int, .double: return "a number"
        case .string(let s): return "a string (\"\(SafeText.forMessage(s))\")"
        case .array(let a):
            if a.isEmpty { return "an empty array" }
            let kinds = Set(a.map(kind))
            if kinds.count == 1, let k = kinds.first { return "an array of \(a.count) \(k)\(a.count == 1 ? "" : "s")" }
            return "an array of \(a.count) mixed values"
        case .object:
            let keys = visibleKeys(value)
            if keys.isEmpty { return "an empty object" }
            let shown = keys.prefix(8).joined(separator: ", ")
            return "an object with keys \(shown)\(keys.count > 8 ? ", …" : "")"
        }
    }

    /// The keys of an object in order, without the line marker the reader adds, each as a message may quote it
    /// (`SafeText.forMessage`: a file's keys are its writer's to choose).
    static func visibleKeys(_ value: JSONValue) -> [String] {
        (value.objectValue ?? [:]).keys.filter { $0 != JSONParser.lineKey }.sorted().map { SafeText.forMessage($0) }
    }

    /// The message of an API error body, if `value` is one.
    static func apiError(_ value: JSONValue) -> String? {
        apiErrorMarkup(value).map(HTMLText.plainText)
    }

    private static func apiErrorMarkup(_ value: JSONValue) -> String? {
        guard let o = value.objectValue else { return nil }
        if let e = o["error"] {
            if let s = e.stringValue { return o["error_description"]?.stringValue.map { "\(s): \($0)" } ?? s }
            if let eo = e.objectValue {
                let message = eo["message"]?.stringValue ?? "no message"
                let type = eo["type"]?.stringValue ?? eo["status"]?.stringValue
                let code = eo["code"]?.intValue.map(String.init)
                let label = [type, code].compactMap { $0 }.joined(separator: " ")
                return label.isEmpty ? message : "\(label): \(message)"
            }
        }
        if o["data"] == nil, o["items"] == nil, let errors = o["errors"]?.arrayValue, let first = errors.first?.objectValue {
            let text = first["detail"]?.stringValue ?? first["message"]?.stringValue ?? first["title"]?.stringValue ?? "no message"
            return errors.count > 1 ? "\(text) (and \(errors.count - 1) more)" : text
        }
        if o["data"] == nil, let title = o["title"]?.stringValue, let detail = o["detail"]?.stringValue, o["type"] != nil {
            return "\(title): \(detail)"
        }
        return nil
    }

    private static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
