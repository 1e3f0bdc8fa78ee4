import Foundation

/// Runs the built `zhanggui` binary on a temporary database, as a user would.
struct CLI {
    let directory: URL
    var environment: [String: String]

    var db: String { directory.appendingPathComponent("shop.sqlite").path }

    init(language: String = "zh_CN.UTF-8", now: String = "2026-11-30T08:00:00+08:00") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        environment = ProcessInfo.processInfo.environment
        for key in ["ZHANGGUI_DB", "ZHANGGUI_STAFF", "LC_ALL", "LC_MESSAGES"] { environment[key] = nil }
        environment["LANG"] = language
        environment["ZHANGGUI_NOW"] = now
        environment["ZHANGGUI_DB"] = directory.appendingPathComponent("shop.sqlite").path
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// The binary beside the test bundle (both live in the build folder), or `ZHANGGUI_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ZHANGGUI_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("zhanggui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/zhanggui")
    }

    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> Result {
        try run(arguments, input: input)
    }

    /// Runs the binary; `input` is written to its standard input (a scanner typing codes).
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the `sqlite3` tool on the database, as someone tampering would.
    func sqlite(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        try process.run()
        process.waitUntilExit()
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }
}
