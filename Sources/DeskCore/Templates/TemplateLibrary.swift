import Foundation

/// The reply templates staff choose from: the shipped library plus the agency's own files.
///
/// Loading never fails: a bad template is reported as `FILE:LINE: problem` and left out, and everything else
/// still loads. The agency's templates (`$XDG_CONFIG_HOME/meja/templates/*.toml`) are added to the shipped
/// ones, and one with a shipped template's id replaces it.
public struct TemplateLibrary: Sendable {
    /// Every template, sorted by id.
    public private(set) var templates: [ReplyTemplate]
    private var index: [String: Int]
    /// Normalised keyword tokens per template (same order as `templates`), for fast matching.
    let keywordTokens: [[[String]]]
    /// The ranking's own cue words (a rumour asked about, fraud named), normalised as the keywords are.
    let cues: Suggester.SuggestionCues

    /// A library of the given templates (a later duplicate id wins); keywords are normalised with `tokenizer`.
    public init(templates: [ReplyTemplate], tokenizer: ToneTokenizer = ToneLexicon.shipped.tokenizer) {
        let sorted = templates.sorted { $0.id < $1.id }
        self.templates = sorted
        self.index = Dictionary(sorted.enumerated().map { ($1.id, $0) }) { _, last in last }
        self.keywordTokens = sorted.map { t in
            var phrases: [[String]] = []
            for k in t.keywords {
                let phrase = tokenizer.tokens(k).map(\.text)
                if !phrase.isEmpty, !phrases.contains(phrase) { phrases.append(phrase) }
            }
            return phrases
        }
        self.cues = Suggester.SuggestionCues(tokenizer: tokenizer)
    }

    /// The template with this id, if any.
    public func template(id: String) -> ReplyTemplate? { index[id].map { templates[$0] } }

    /// The shipped templates folder (`Resources/templates`), if the resources are installed.
    public static var shippedDirectory: URL? { ShippedResources.directory?.appendingPathComponent("templates") }

    /// The agency's templates folder: `$XDG_CONFIG_HOME/meja/templates`.
    public static func userDirectory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        MejaPaths.configDirectory(environment).appendingPathComponent("templates")
    }

    /// The shipped library plus the agency's templates, with every problem found.
    public static func load(shippedDirectory: URL? = TemplateLibrary.shippedDirectory, userDirectory: URL? = TemplateLibrary.userDirectory(),
                            tokenizer: ToneTokenizer = ToneLexicon.shipped.tokenizer) -> (library: TemplateLibrary, issues: [FileIssue]) {
        var issues: [FileIssue] = []
        var byID: [String: ReplyTemplate] = [:]
        if let shippedDirectory {
            let (shipped, found) = templates(in: shippedDirectory)
            issues += found
            for t in shipped {
                if let earlier = byID[t.id] {
                    issues.append(FileIssue(file: t.source, line: nil, "template id '\(t.id)' is already used at \(earlier.source): give it another id"))
                    continue
                }
                byID[t.id] = t
            }
        } else {
            issues.append(FileIssue(file: "templates", line: nil, "the shipped templates are missing: reinstall Meja or set MEJA_RESOURCES"))
        }
        if let userDirectory, FileManager.default.fileExists(atPath: userDirectory.path) {
            let (own, found) = templates(in: userDirectory)
            issues += found
            var seen: [String: String] = [:]
            for t in own {
                if let earlier = seen[t.id] {
                    issues.append(FileIssue(file: t.source, line: nil, "template id '\(t.id)' is already used at \(earlier): the later one is ignored"))
                    continue
                }
                seen[t.id] = t.source
                byID[t.id] = t
            }
        }
        return (TemplateLibrary(templates: Array(byID.values), tokenizer: tokenizer), issues)
    }

    /// The templates of every `*.toml` file in `directory`, sorted by file name.
    public static func templates(in directory: URL) -> (templates: [ReplyTemplate], issues: [FileIssue]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return ([], [FileIssue(file: directory.path, line: nil, "cannot be read as a folder of *.toml template files")])
        }
        var all: [ReplyTemplate] = []
        var issues: [FileIssue] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            do {
                let (found, problems) = parse(try TOMLFile.load(directory.appendingPathComponent(name).path, skippingBadLines: true))
                all += found
                issues += problems
            } catch {
                issues.append(error)
            }
        }
        return (all, issues)
    }

    /// The templates of one parsed file; each bad template is an issue and is left out. A template holding a line that
    /// is not valid TOML (left out by `TOMLFile`'s `skippingBadLines`) is left out whole: what remains of it could have
    /// lost its sensitive topics or its humour level, and the other templates of the file still load.
    public static func parse(_ file: TOMLFile) -> (templates: [ReplyTemplate], issues: [FileIssue]) {
        let tables = file.root["template"]?.array ?? []
        let found = file.headerLines(ofArray: "template")
        let headers = tables.indices.map { $0 < found.count ? found[$0] : 0 }
        // Each problem says what it cost: a bad line inside a template, that template; one above them all, nothing more.
        var issues: [FileIssue] = []
        var broken = Set<Int>()
        for skipped in file.skippedLines {
            guard let line = skipped.line, !file.skippedHeaders.contains(line), let owner = headers.lastIndex(where: { $0 < line }) else {
                issues.append(skipped)
                continue
            }
            broken.insert(owner)
            issues.append(FileIssue(file: skipped.file, line: line, skipped.message + TemplateReader.leftOut))
        }
        for key in file.root.keys.sorted() where key != "template" {
            issues.append(file.issue("unknown top-level key '\(key)': templates are [[template]] tables", key: key))
        }
        guard let list = file.root["template"] else {
            if issues.isEmpty { issues.append(FileIssue(file: file.path, line: nil, "no [[template]] tables in this file")) }
            return ([], issues)
        }
        guard list.array != nil else {
            return ([], issues + [file.issue("'template' must be written [[template]] (a list of tables)", key: "template")])
        }
        var out: [ReplyTemplate] = []
        for (i, value) in tables.enumerated() where !broken.contains(i) {
            var reader = TemplateReader(file: file, index: i, line: headers[i] > 0 ? headers[i] : nil, table: value.table ?? [:])
            if let t = reader.read() { out.append(t) }
            issues += reader.issues
        }
        // In the file's line order (problems without a line first), as someone fixing them reads it.
        let ordered = issues.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        return (out, ordered)
    }
}

/// Reads one `[[template]]` table, collecting every problem rather than stopping at the first.
private struct TemplateReader {
    let file: TOMLFile
    let index: Int
    /// The line of the template's `[[template]]` header.
    let line: Int?
    let table: [String: ConfigValue]
    var issues: [FileIssue] = []

    static let keys: Set = ["id", "version", "lang", "intents", "keywords", "keywords_required", "humor", "channels", "title", "body", "sensitive", "purpose"]

    init(file: TOMLFile, index: Int, line: Int?, table: [String: ConfigValue]) {
        self.file = file
        self.index = index
        self.line = line
        self.table = table
    }

    /// Said of every problem that leaves its template out.
    static let leftOut = " (that template is left out)"

    mutating func fail(_ message: String, key: String?) {
        let name = table["id"]?.string.map { "template '\($0)': " } ?? "template \(index + 1): "
        issues.append(file.issue(name + message + Self.leftOut, table: "template", index: index, key: key))
    }

    mutating func read() -> ReplyTemplate? {
        for key in table.keys.sorted() where !Self.keys.contains(key) {
            fail("unknown key '\(key)' (known: \(Self.keys.sorted().joined(separator: ", ")))", key: key)
        }
        let before = issues.count
        let id = requiredString("id")
        if let id, !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) {
            fail("id '\(id)' may use only lower-case letters, digits, '.', '_' and '-'", key: "id")
        }
        var version = 1
        if let v = table["version"] {
            if let n = v.int, n >= 1 { version = n } else { fail("version must be a whole number of at least 1, found \(v.foundName)", key: "version") }
        } else {
            fail("version is missing: add version = 1 (bump it whenever the wording changes)", key: nil)
        }
        var lang: TextLanguage? = nil
        if let s = requiredString("lang") {
            if let l = TextLanguage(rawValue: s), TextLanguage.templateLanguages.contains(l) { lang = l } else { fail("lang must be \"id\" or \"en\", not \"\(s)\"", key: "lang") }
        }
        let intents: [Intent] = list("intents").compactMap { name in
            if let i = Intent(rawValue: name) { return i }
            fail("unknown intent '\(name)' (known: \(Intent.allCases.map(\.rawValue).joined(separator: ", ")))", key: "intents")
            return nil
        }
        let keywords = list("keywords")
        var humor = HumorLevel.none
        if let v = table["humor"] {
            if let n = v.int, let h = HumorLevel(level: n) { humor = h } else { fail("humor must be 0 (none), 1 (warm) or 2 (light joke), found \(v.foundName)", key: "humor") }
        } else {
            fail("humor is missing: add humor = 0, 1 or 2", key: nil)
        }
        let channels: [Platform] = list("channels").compactMap { name in
            if let p = Platform(parsing: name) { return p }
            fail("'\(name)' is not a platform name such as x, mastodon, instagram, facebook, youtube", key: "channels")
            return nil
        }
        let sensitive: [SensitiveTopic] = list("sensitive").compactMap { name in
            if let t = SensitiveTopic(rawValue: name) { return t }
            fail("unknown sensitive topic '\(name)' (known: \(SensitiveTopic.allCases.map(\.rawValue).joined(separator: ", ")))", key: "sensitive")
            return nil
        }
        var keywordsRequired = false
        if let v = table["keywords_required"] {
            if let b = v.bool { keywordsRequired = b } else { fail("keywords_required must be true or false, found \(v.foundName)", key: "keywords_required") }
            if keywordsRequired, keywords.isEmpty { fail("keywords_required = true needs keywords: without one the template is never offered", key: "keywords_required") }
        }
        var purpose = "acknowledge"
        if let v = table["purpose"] {
            if let s = v.string, TemplateText.isVariableName(s) { purpose = s } else { fail("purpose must be one word such as acknowledge, ask_dm, condolence", key: "purpose") }
        }
        let title = requiredString("title")
        var body: TemplateText? = nil
        if let text = requiredString("body") {
            do {
                let parsed = try TemplateText(parsing: text)
                let unknown = parsed.variables.filter { !RenderContext.isKnown($0) }
                if unknown.isEmpty { body = parsed } else {
                    fail("unknown variable \(unknown.map { "{\($0)}" }.joined(separator: ", ")) (known: \(RenderContext.knownVariableList))", key: "body")
                }
            } catch {
                fail("body: \(error.message)", key: "body")
            }
        }
        guard issues.count == before, let id, let lang, let title, let body else { return nil }
        return ReplyTemplate(id: id, version: version, lang: lang, intents: intents, keywords: keywords, keywordsRequired: keywordsRequired, humor: humor,
                             channels: channels, title: title, body: body, sensitive: sensitive, purpose: purpose,
                             source: line.map { "\(file.path):\($0)" } ?? file.path)
    }

    mutating func requiredString(_ key: String) -> String? {
        guard let v = table[key] else {
            fail("\(key) is missing", key: nil)
            return nil
        }
        guard let s = v.string, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("\(key) must be a non-empty string, found \(v.foundName)", key: key)
            return nil
        }
        return s
    }

    mutating func list(_ key: String) -> [String] {
        guard let v = table[key] else { return [] }
        guard let items = v.strings else {
            fail("\(key) must be a list of strings such as [\"a\", \"b\"]", key: key)
            return []
        }
        return items
    }
}
