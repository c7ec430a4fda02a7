import Foundation

/// Finds the files Meja ships (holiday calendars, the template library, lexicons) without ever crashing when
/// the resource bundle is missing: `MEJA_RESOURCES` when set (only there), else the bundle beside the executable,
/// then the source tree it was built from.
public enum ShippedResources {
    /// The folder holding the shipped resources, or nil when none can be found.
    public static let directory: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["MEJA_RESOURCES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
            return found(in: candidates)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [Bundle.main.bundleURL, executable] {
            candidates.append(base.appendingPathComponent("Meja_DeskCore.resources"))
            candidates.append(base.appendingPathComponent("Meja_DeskCore.bundle"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources"))
        return found(in: candidates)
    }()

    /// What to tell the user when the shipped files are not found (nil when they are): without them there is no tone
    /// reading, no templates and no holidays, which must not pass unnoticed.
    public static var missingWarning: String? {
        guard directory == nil else { return nil }
        return "the files Meja ships (templates, tone word lists, holidays) were not found: keep the Meja_DeskCore.resources folder beside the meja binary, or point MEJA_RESOURCES at it; until then there are no suggestions, no tone reading and no holidays"
    }

    private static func found(in candidates: [URL]) -> URL? {
        let fm = FileManager.default
        for c in candidates {
            let holidays = c.appendingPathComponent("holidays")
            if fm.fileExists(atPath: holidays.path) { return c }
            let nested = c.appendingPathComponent("Resources")
            if fm.fileExists(atPath: nested.appendingPathComponent("holidays").path) { return nested }
        }
        return nil
    }

    /// The files in a shipped folder (e.g. `holidays`, `templates`) with the given extension, sorted by name.
    public static func files(in folder: String, ext: String) -> [URL] {
        guard let dir = directory?.appendingPathComponent(folder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }
}
