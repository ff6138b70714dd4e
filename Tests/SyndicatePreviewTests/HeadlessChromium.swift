import Foundation

/// Headless Chromium, run as a separate process with a bounded time: the preview tests load
/// pages in it, take screenshots and read the DOM after layout.
///
/// The browser is `SYNDICATE_CHROMIUM` when set, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` and `google-chrome-stable` on `PATH`. Every run resolves
/// host names to nothing (`--host-resolver-rules`), so a page can never reach the network.
struct HeadlessChromium {
    /// The browser's executable.
    let executable: URL

    /// The browser found on this machine, or nil (the tests then say they skipped).
    static let installed: HeadlessChromium? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SYNDICATE_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return HeadlessChromium(executable: URL(fileURLWithPath: path))
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return HeadlessChromium(executable: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return nil
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The flags every run takes: headless, no sandbox (CI runs as root), no GPU, no network,
    /// a throw-away profile.
    func baseArguments(profile: URL, width: Int, height: Int) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
        ]
    }

    /// Runs the browser with `arguments` on `page`, at most `timeout`; returns standard output.
    func run(_ arguments: [String], page: URL, width: Int = 1000, height: Int = 1600, timeout: TimeInterval = 60) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = executable
        process.arguments = baseArguments(profile: folder.appendingPathComponent("profile"), width: width, height: height)
            + arguments + [page.absoluteString]
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw Failure(description: "Chromium did not finish \(page.lastPathComponent) within \(Int(timeout)) s")
            }
            usleep(50_000)
        }
        let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let said = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self).suffix(800)
            throw Failure(description: "Chromium exited \(process.terminationStatus) on \(page.lastPathComponent): \(said)")
        }
        return text
    }

    /// A PNG screenshot of `page` at `width` × `height`.
    func screenshot(of page: URL, width: Int, height: Int, dark: Bool = false) throws -> Data {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        var arguments = ["--screenshot=\(png.path)", "--virtual-time-budget=3000"]
        if dark { arguments.append("--force-dark-mode") }
        _ = try run(arguments, page: page, width: width, height: height)
        return try Data(contentsOf: png)
    }

    /// The DOM of `page` after its scripts ran and it was laid out.
    func domAfterLayout(of page: URL, width: Int = 1000, height: Int = 1600) throws -> String {
        try run(["--dump-dom", "--virtual-time-budget=5000"], page: page, width: width, height: height)
    }
}

/// A PNG's size from its IHDR chunk, or nil when the data is not a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else {
        return nil
    }
    func int(_ start: Int) -> Int { bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (int(16), int(20))
}
