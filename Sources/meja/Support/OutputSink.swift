import DeskCore
import Foundation

/// Lines to a file or to standard output (through `Console`), buffered.
///
/// A file is written beside its destination under a hidden temporary name (`.NAME.partial-PID`, with the mode of the
/// file it replaces) and moved into place only when whole (`close`): an export or report cut short — killed, or out of
/// disk space — never replaces a good file, and never passes for a whole one. A destination that is a symbolic link is
/// written where the link points; one that is not a regular file (a pipe, a device such as /dev/stdout) is written in
/// place, as it is.
final class OutputSink {
    /// Where the lines go.
    private enum Target {
        case standardOutput
        /// Written in place: a pipe or a device.
        case inPlace(FileHandle, path: String)
        /// Written to `temporary`, moved to `destination` when closed.
        case file(FileHandle, temporary: String, destination: String)
    }

    private let target: Target
    /// The name the user gave, for messages.
    private let name: String
    private var buffer = ""

    init(path: String?) throws {
        guard let path else {
            target = .standardOutput
            name = "standard output"
            return
        }
        name = path
        guard let destination = Self.followingLinks(path) else {
            throw CLIError(message: "cannot write \(path): its symbolic links go round in a loop", code: 1)
        }
        var info = stat()
        let exists = stat(destination, &info) == 0
        // Moving a new file over one the user may not write (a group folder lets them) would overrule its owner.
        if exists, access(destination, W_OK) != 0 {
            throw CLIError(message: "cannot write \(path): it is read-only for you (\(String(cString: strerror(errno)))); nothing was written", code: 1)
        }
        if exists, info.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: destination) else {
                throw CLIError(message: "cannot write \(path): \(String(cString: strerror(errno)))", code: 1)
            }
            target = .inPlace(handle, path: destination)
            return
        }
        let url = URL(fileURLWithPath: destination)
        Self.removeLeftovers(of: url)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw CLIError(message: "cannot write \(path): \(String(cString: strerror(errno))) (is its folder there, and may you write in it?)", code: 1)
        }
        // A file replaced keeps its permissions (an export kept private stays private).
        if exists { fchmod(fd, info.st_mode & 0o7777) }
        target = .file(FileHandle(fileDescriptor: fd, closeOnDealloc: true), temporary: temporary, destination: destination)
    }

    /// Removes what writes of `url` killed before they ended left behind (`.NAME.partial-PID` of a process no longer
    /// running); a write still under way in another process keeps its file.
    private static func removeLeftovers(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Adds a line.
    func write(_ line: String) throws {
        try append(line + "\n")
    }

    /// Adds text as it is.
    func append(_ text: String) throws {
        buffer += text
        if buffer.utf8.count > 1 << 20 { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        switch target {
        case .standardOutput: Console.write(buffer, to: .output)
        case .inPlace(let handle, _), .file(let handle, _, _):
            do {
                try handle.write(contentsOf: Data(buffer.utf8))
            } catch {
                abandon()
                throw CLIError(message: "cannot write \(name): \(Console.describe(ioError: error)); \(leftAsItWas)", code: 1)
            }
        }
    }

    /// Writes out the rest and, for a file, puts it in place.
    func close() throws {
        try flush()
        guard case .file(let handle, let temporary, let destination) = target else {
            if case .inPlace(let handle, _) = target { try? handle.close() }
            return
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            abandon()
            throw CLIError(message: "cannot write \(name): \(Console.describe(ioError: error)); \(leftAsItWas)", code: 1)
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError(message: "cannot write \(name): \(reason); \(leftAsItWas)", code: 1)
        }
    }

    /// What became of the destination when writing failed.
    private var leftAsItWas: String {
        if case .file = target { return "\(name) is left as it was" }
        return "what reached it is incomplete"
    }

    /// Removes the temporary file of a write that failed.
    private func abandon() {
        if case .file(let handle, let temporary, _) = target {
            try? handle.close()
            unlink(temporary)
        }
    }

    /// The path a chain of symbolic links ends at (the path itself when it is none); nil for a loop (over 32 links).
    private static func followingLinks(_ path: String) -> String? {
        var current = path
        for _ in 0..<32 {
            guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = next.hasPrefix("/") ? next : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(next).path
        }
        return nil
    }
}
