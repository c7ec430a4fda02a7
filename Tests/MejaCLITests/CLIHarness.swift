import DeskCore
import Foundation
import XCTest

/// Runs the built `meja` binary on a temporary database, as a user would.
struct CLIHarness {
    let dir: URL
    var env: [String: String]

    /// The folder of the build products (where `meja` sits next to the test bundle).
    static let products: URL = {
        var url = Bundle.main.bundleURL
        for candidate in [Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(), url] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("meja").path) { return candidate }
        }
        url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug")
        return url
    }()

    static var binary: String { products.appendingPathComponent("meja").path }

    init(now: String = "2026-12-01T10:00:00+07:00", user: String = "sari") throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": dir.path, "USER": user, "LANG": "C.UTF-8",
               "MEJA_DB": dir.appendingPathComponent("meja.sqlite").path, "MEJA_NOW": now,
               "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path, "XDG_DATA_HOME": dir.appendingPathComponent("data").path]
    }

    var database: String { env["MEJA_DB"]! }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `meja ARGS` and waits for it.
    @discardableResult
    func run(_ args: [String], extraEnv: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = try start(args, extraEnv: extraEnv, stdin: stdin)
        return p.wait()
    }

    /// Starts `meja ARGS` without waiting.
    func start(_ args: [String], extraEnv: [String: String] = [:], stdin: String? = nil) throws -> Running {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.environment = env.merging(extraEnv) { _, new in new }
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let input = Pipe()
            p.standardInput = input
            try p.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        return Running(process: p, out: out, err: err)
    }

    /// Runs `meja ARGS` with standard output and error on a pseudo-terminal (`script`), as a user at a terminal would;
    /// `stdout` is what the terminal received from both, `stderr` is empty.
    func runOnTerminal(_ args: [String]) throws -> Result {
        let quoted = ([Self.binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-q", "-e", "-c", quoted.joined(separator: " "), "/dev/null"]
        p.environment = env.merging(["TERM": "xterm-256color"]) { _, new in new }
        p.currentDirectoryURL = dir
        p.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return Running(process: p, out: out, err: err).wait()
    }

    final class Running {
        let process: Process
        private let outData = DataBox(), errData = DataBox()
        private let group = DispatchGroup()

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            for (pipe, box) in [(out, outData), (err, errData)] {
                group.enter()
                DispatchQueue.global().async { [group] in
                    box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
            }
        }

        func wait() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                          stderr: String(decoding: errData.data, as: UTF8.self))
        }
    }

    /// Writes a file in the temporary folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

final class DataBox: @unchecked Sendable { var data = Data() }
private final class Marker {}

/// Parses `meja … --json` output (an array).
func jsonArray(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
    try XCTUnwrap(JSONValue.parse(text)?.arrayValue, "not a JSON array: \(text.prefix(200))", file: file, line: line)
}

/// The package root (README, shipped files).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs any program and returns its status and combined output.
func runTool(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
