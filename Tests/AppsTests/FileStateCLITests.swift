import Foundation
import Testing

/// Issue 19: damaged, truncated, read-only, unreadable and newer shop files through the built
/// binary: each told apart with what to do, exit 1, nothing written into a damaged file.
@Suite("shop files in bad states, through the built binary", .serialized)  // one process at a time: many blocking runs at once starve the async tests of threads
struct FileStateCLITests {
    func shop() throws -> CLI {
        let cli = try CLI(language: "en_US.UTF-8")
        #expect(try cli.run("demo").status == 0)
        #expect(try cli.run("journal", "verify").status == 0)  // leaves the file whole
        return cli
    }

    /// Runs the binary as an unprivileged user when the tests run as root, who may read and
    /// write any file whatever its mode.
    func runAsOther(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        guard getuid() == 0 else { return try cli.run(arguments) }
        var other = cli
        other.environment["HOME"] = cli.directory.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + arguments
        process.environment = other.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile(), errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    func checkpointed(_ cli: CLI) throws {
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    func size(_ path: String) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).uint64Value
    }

    @Test("a page of garbage in the middle: verify says damaged and exits 1; reads and writes refuse; the file is not written")
    func damaged() throws {
        let cli = try shop()
        try checkpointed(cli)
        let pageSize: UInt64 = 4096
        let middle = try size(cli.db) / pageSize / 2 * pageSize
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.db))
        try handle.seek(toOffset: middle)
        handle.write(Data(repeating: 0x5A, count: Int(pageSize)))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let verify = try cli.run("journal", "verify")
        #expect(verify.status == 1, "\(verify.err)")
        #expect(verify.err.contains("is damaged") && verify.err.contains("Restore from a backup"), "\(verify.err)")
        #expect(!verify.err.contains("SQLite error 11"))
        let list = try cli.run("stock", "list")
        #expect(list.status == 1 && list.err.contains("is damaged"), "\(list.err)")
        let memo = try cli.run("memo", "add", "明天早点到", "--as", "黄乔")
        #expect(memo.status == 1 && memo.err.contains("is damaged"), "\(memo.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        let zh = try cli.run("--lang", "zh", "staff", "list")
        #expect(zh.status == 1 && zh.err.contains("已损坏") && zh.err.contains("备份"), "\(zh.err)")
    }

    @Test("a truncated file says truncated, with its size, not 'not a shop'")
    func truncated() throws {
        let cli = try shop()
        try checkpointed(cli)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.db + suffix) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.db))
        try handle.truncate(atOffset: try size(cli.db) / 3)
        try handle.close()
        for arguments in [["staff", "list"], ["journal", "verify"], ["memo", "add", "x", "--as", "黄乔"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.err)")
            #expect(result.err.contains("is truncated") && result.err.contains("zhanggui backup"), "\(arguments): \(result.err)")
        }
    }

    @Test("not a shop file, and a file migrated by a newer program")
    func notAShopAndNewer() throws {
        let cli = try shop()
        let text = cli.directory.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "购物清单\n", count: 200).utf8).write(to: URL(fileURLWithPath: text))
        let notShop = try cli.run("--db", text, "staff", "list")
        #expect(notShop.status == 1 && notShop.err.contains("is not a Zhanggui shop file"), "\(notShop.err)")
        try cli.sqlite("INSERT INTO grdb_migrations (identifier) VALUES ('zz.from-the-future')")
        let newer = try cli.run("staff", "list")
        #expect(newer.status == 1 && newer.err.contains("newer Zhanggui") && newer.err.contains("upgrade this program"), "\(newer.err)")
    }

    @Test("a read-only file: reads work, writes are refused with what to do, nothing changes")
    func readOnly() throws {
        let cli = try shop()
        try checkpointed(cli)
        // The user's own folder (writable), a file they may only read.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cli.directory.path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.db + suffix) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.db)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let list = try runAsOther(cli, ["staff", "list"])
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("黄乔"))
        let verify = try runAsOther(cli, ["journal", "verify"])
        #expect(verify.status == 0, "\(verify.err)")
        let memo = try runAsOther(cli, ["memo", "add", "x", "--as", "黄乔"])
        #expect(memo.status == 1, "\(memo.err)")
        #expect(memo.err.contains("is read-only") && memo.err.contains("chmod u+w"), "\(memo.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }

    @Test("an unreadable file says permission denied")
    func unreadable() throws {
        let cli = try shop()
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.db)
        let result = try runAsOther(cli, ["staff", "list"])
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("permission denied") && !result.err.contains("not a Zhanggui"), "\(result.err)")
    }
}
