import Foundation

/// Hands a draft to the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) in a temporary file and reads it
/// back. The caller puts the terminal in its normal mode around it.
public enum ExternalEditor {
    /// Why the editor could not be used.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The text after editing.
    public static func edit(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("meja-draft-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code --wait"); the file is passed as "$1".
        process.arguments = ["-c", editor + " \"$1\"", "meja-editor", file.path]
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(editor): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(editor) exited with status \(process.terminationStatus); the draft was kept as it was")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: "\(editor) removed the file; the draft was kept as it was")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
