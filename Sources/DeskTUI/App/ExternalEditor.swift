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
        // Not Foundation's Process: it starts the child in a process group of its own, which the terminal then treats
        // as a background job, so an editor reading the keyboard gets an error (vim exits at once) while the desk
        // keeps the keys. The editor runs in the desk's own group, in the foreground, as system(3) would run it; the
        // desk ignores Ctrl-C and Ctrl-\ meanwhile (they are the editor's), the editor gets them as usual.
        // The editor setting may carry arguments ("code --wait"); the file is passed as "$1".
        let status = try run(["/bin/sh", "-c", editor + " \"$1\"", "meja-editor", file.path], name: editor)
        guard status == 0 else {
            throw Failure(description: "\(editor) exited with status \(status); the draft was kept as it was")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: "\(editor) removed the file; the draft was kept as it was")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `arguments` in this process group and waits for it; its exit status (128 + the signal if killed).
    private static func run(_ arguments: [String], name: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let savedInt = signal(SIGINT, SIG_IGN), savedQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, savedInt)
            signal(SIGQUIT, savedQuit)
        }
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, &argv, environ)
        guard spawned == 0 else { throw Failure(description: "\(name): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "\(name): \(String(cString: strerror(errno)))") }
        }
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }
}
