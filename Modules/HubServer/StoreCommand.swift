import ArgumentParser
import Foundation
import PostgresStore
import ShopActions
import ShopDomain
import Storage

/// `zhangguid store …`: moving a hub's journal into PostgreSQL and checking the two copies.
public struct StoreCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The hub's store of record in PostgreSQL (docs/decisions/0011).",
        subcommands: [Copy.self, Verify.self]
    )

    public init() {}

    /// `zhangguid store copy --from shop.sqlite --to postgres://…`
    public struct Copy: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Copy a hub file's journal into PostgreSQL (creating the store), verified by the same head hash on both sides.")

        @Option(help: "The hub's shop file.") var from: String
        @Option(help: "postgres://user@host[:port]/database") var to: String

        public init() {}

        public func run() throws {
            try reporting {
                let report = try StoreTransfer.copy(from: from, to: to)
                print("copied \(report.copied) ops to \(report.location) (\(report.digest.count) there); head \(report.digest.hex) on both sides")
            }
        }
    }

    /// `zhangguid store verify --from shop.sqlite --to postgres://…`
    public struct Verify: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check the PostgreSQL journal (order, hashes, chains) and that the working copy holds the same one.")

        // Not --db/--store: those are zhangguid's own options, which the parser gives the daemon.
        @Option(help: "The hub's working copy (its shop file).") var from: String
        @Option(help: "postgres://user@host[:port]/database") var to: String

        public init() {}

        public func run() throws {
            try reporting {
                let report = try StoreTransfer.verify(db: from, store: to)
                for problem in report.problems { print("✗ " + problem) }
                guard report.problems.isEmpty else { throw ExitCode(1) }
                print("✓ \(report.digest.count) ops in \(report.location), head \(report.digest.hex), the same in \(from)")
            }
        }
    }
}

/// One line and exit 1 for anything the store or the file refuses.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as any ShopError {
        FileHandle.standardError.write(Data(("error: " + error.message(in: .en) + "\n").utf8))
        throw ExitCode(1)
    }
}

/// What `store copy` and `store verify` do, callable from tests and the bench.
public enum StoreTransfer {
    public struct CopyReport: Sendable {
        public var copied: Int
        public var location: String
        public var digest: JournalDigest
    }

    public struct VerifyReport: Sendable {
        public var location: String
        public var digest: JournalDigest
        public var problems: [String]
    }

    public static func copy(from path: String, to url: String) throws -> CopyReport {
        var database = try ShopDatabase.open(at: path, modules: ShopFeatures.all, checkIntegrity: true)
        guard try database.isHub else { throw StoreCopyError.notAHub(path) }
        let journal = try PostgresJournal.open(url, hub: database.deviceID, create: true)
        defer { journal.close() }
        guard try journal.lastSeq() <= database.journalCount() else { throw StoreCopyError.storeAhead(journal.location.description) }
        database.storeOfRecord = journal
        let report = try database.catchUp()
        let mine = try database.journalDigest()
        let theirs = try journal.journalDigest()
        guard mine == theirs else { throw StoreCopyError.digestsDiffer(mine.description, theirs.description) }
        return CopyReport(copied: report.recorded, location: journal.location.description, digest: theirs)
    }

    public static func verify(db path: String, store url: String) throws -> VerifyReport {
        let database = try ShopDatabase.open(at: path, modules: ShopFeatures.all)
        let journal = try PostgresJournal.open(url, hub: database.deviceID)
        defer { journal.close() }
        var check = JournalChainCheck()
        var digest = JournalDigest()
        try journal.forEach { entry in
            check.add(entry)
            digest.add(entry)
        }
        var problems = check.problems.map { $0.message(in: .en) }
        let mine = try database.journalDigest()
        if mine != digest { problems.append("the working copy's journal (\(mine)) differs from the store's (\(digest)): restart zhangguid to catch up") }
        return VerifyReport(location: journal.location.description, digest: digest, problems: problems)
    }
}

public enum StoreCopyError: Error, Sendable, Equatable {
    case notAHub(String)
    case storeAhead(String)
    case digestsDiffer(String, String)
}

extension StoreCopyError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .notAHub(let path):
            language.pick(zh: "\(path) 不是中心的数据库（不是创建店铺的那个文件）", en: "\(path) is not a hub's database (not the file that created the shop)")
        case .storeAhead(let location):
            language.pick(zh: "\(location) 的日志比这个文件的还长：它是运行中中心的存储，不能再拷入", en: "\(location) holds more of the journal than this file: it is a running hub's store, nothing was copied")
        case .digestsDiffer(let mine, let theirs):
            language.pick(zh: "拷贝后两边的日志不同：文件 \(mine)，PostgreSQL \(theirs)", en: "after the copy the journals differ: file \(mine), PostgreSQL \(theirs)")
        }
    }
}
