import Foundation

/// Runs the built `syndicate` binary as a separate process, for end-to-end CLI tests.
public enum CLIRunner {
    /// What a run of the binary produced.
    public struct Outcome: Sendable, Equatable {
        /// The exit status.
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var stdout: String
        /// Standard error, decoded as UTF-8.
        public var stderr: String

        /// Creates an outcome, for comparing a run with what is expected.
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Why the binary could not be run.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `syndicate` binary beside the running test bundle (the build products folder), or
    /// the one named by `SYNDICATE_BINARY`; nil when neither exists.
    public static let binary: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SYNDICATE_BINARY"], fileManager.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("syndicate")
            if fileManager.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Runs `syndicate` with `arguments`, feeding it `stdin` (empty when nil).
    ///
    /// Output goes through temporary files, so large outputs cannot fill a pipe and block.
    ///
    /// - Throws: ``Failure`` when the binary is missing or cannot start.
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - stdin: Standard input; empty by default.
    ///   - environment: Variables added to (or replacing) this process's environment; a
    ///     value of "" removes the variable. `SYNDICATE_*` variables of this process are never
    ///     passed on, so a developer's real credentials cannot reach a test. `HOME` is the
    ///     run's own temporary folder unless given, so that the default ledger
    ///     (`~/.syndicate/ledger.sqlite`) of `post` and `feed` is never the developer's.
    ///   - directory: The working directory; the temporary folder of the run by default.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Outcome {
        guard let binary else {
            throw Failure(description: "The syndicate binary was not found beside the tests; run `swift build` first or set SYNDICATE_BINARY.")
        }
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("syndicate-cli-\(UUID().uuidString)")
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: folder) }
        let input = folder.appendingPathComponent("stdin")
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        try (stdin ?? Data()).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SYNDICATE_") || $0.key == "SYNDICATE_BINARY" }
        variables["HOME"] = folder.path
        for (name, value) in environment { variables[name] = value.isEmpty ? nil : value }
        process.environment = variables
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw Failure(description: "Could not start \(binary.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}
