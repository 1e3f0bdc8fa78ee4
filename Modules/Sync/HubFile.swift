import Crypto
import Foundation
import ShopDomain
import Storage

/// The way back by file: the hub's ops one notebook has not pulled yet — other devices' work,
/// conflict resolutions — for a laptop that is seldom online. One JSON line of header (format,
/// the hub and its shop, the notebook it is for, the hub positions it covers, schema), then one
/// line per op in the hub's order, `{"chain", "hubSeq", "op"}`, each chained to the line before
/// (the first to the header) by a SHA-256. The laptop merges the ops as a pull does and moves its
/// pull cursor; a torn file imports its valid prefix and says where it broke.
public enum HubFile {
    public static let format = "zhanggui-hub"
    public static let version = 1

    public struct Header: Codable, Sendable, Equatable {
        public var format: String
        public var version: Int
        /// The hub's own device ID: the database that created the shop.
        public var hub: DeviceID
        public var shop: String
        /// The notebook the file is for, and its name in the hub's registry.
        public var device: DeviceID
        public var deviceName: String
        /// The file holds every op the hub applied after `first - 1` up to `last`, except the
        /// notebook's own (as a pull serves them).
        public var first: Int64
        public var last: Int64
        public var count: Int
        /// The notebook's highest sequence number the hub holds with nothing missing: its push cursor.
        public var acked: Int64
        public var migrations: [String]
    }

    struct Line: Codable, Sendable {
        var hubSeq: Int64
        var op: Op
        /// SHA-256 of the previous line's chain (the header line's hash for the first), the
        /// position and the op's hash.
        var chain: String
    }

    /// Writes, at the hub, the ops the device `key` (a name or ID, as `device list` shows) has not
    /// pulled: after what the hub knows it has pulled, or after `after`.
    @discardableResult
    public static func export(from hub: HubService, for key: String, after: Int64? = nil, to path: String) throws -> Header {
        let database = hub.database
        guard try database.isHub else { throw SyncError.notTheHub }
        let device = try hub.registry.find(key)
        guard device.revokedAt == nil else { throw SyncError.revoked(device.name) }
        guard device.quarantinedAt == nil else { throw SyncError.quarantined(device.name) }
        guard let notebook = device.deviceID.map(DeviceID.init(rawValue:)) else { throw SyncError.notBound(device.name) }
        let from = after ?? device.pulledSeq
        guard from >= 0 else { throw SyncError.badRequest("--after must be 0 or more") }
        let (entries, last) = try database.entries(after: from, excluding: notebook)
        guard from <= last else { throw SyncError.pastHubHead(after: from, last: last) }
        let header = Header(format: format, version: version, hub: database.deviceID, shop: try database.read(CoreQueries.shop).name,
                            device: notebook, deviceName: device.name, first: from + 1, last: last, count: entries.count,
                            acked: try database.head(of: notebook), migrations: database.migrations)
        try write(header, entries.map { ($0.seq, $0.op) }, to: path)
        return header
    }

    /// The header, then the ops with their positions, chained.
    static func write(_ header: Header, _ ops: [(hubSeq: Int64, op: Op)], to path: String) throws {
        let top = try OpFileText.line(header)
        var chain = seed(top)
        var lines = [top]
        for (hubSeq, op) in ops {
            chain = link(chain, hubSeq, op)
            lines.append(try OpFileText.line(Line(hubSeq: hubSeq, op: op, chain: chain)))
        }
        try OpFileText.write(lines, to: path)
    }

    static func seed(_ header: String) -> String {
        SHA256.hash(data: Data(header.utf8)).hexString
    }

    static func link(_ previous: String, _ hubSeq: Int64, _ op: Op) -> String {
        SHA256.hash(data: Data("\(previous)\n\(hubSeq)\n\(op.hash)".utf8)).hexString
    }

    public struct ImportResult: Sendable {
        public var header: Header
        public var report: MergeReport
        /// The notebook's pull cursor after the import.
        public var pulledSeq: Int64
        /// Where the file broke, if it did; everything before was imported.
        public var broken: SyncError?
    }

    /// Imports, on the notebook it was made for, a file the hub exported: the same merge a pull
    /// does. Refuses a file for another notebook or from another shop's hub, and one that starts
    /// after what this notebook has pulled (ops would be missing between).
    public static func importFile(_ path: String, into database: ShopDatabase) throws -> ImportResult {
        let lines = try OpFileText.read(path)
        guard let header = try? JSONDecoder().decode(Header.self, from: lines.header), header.format == format else {
            throw SyncError.tornHubFile(file: lines.file, line: 1, reason: "no hub file header")
        }
        guard header.version <= version else { throw SyncError.newerHub(["\(format) \(header.version)"]) }
        guard header.hub != database.deviceID else { throw SyncError.hubFileAtHub(header.deviceName) }
        guard header.device == database.deviceID else {
            throw SyncError.wrongDevice(name: header.deviceName, device: header.device.short, here: database.deviceID.short)
        }
        if let creator = try database.shopCreator(), creator != header.hub { throw SyncError.otherHub(header.shop) }
        let known = Set(database.migrations)
        let unknown = header.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw SyncError.newerHub(unknown) }
        var cursor = try SyncClient.cursor(database)
        if cursor.hub.isEmpty { cursor.hub = fileHub(header.hub) }
        guard header.first <= cursor.pulledSeq + 1 else { throw SyncError.gap(first: header.first, pulled: cursor.pulledSeq) }

        let decoder = JSONDecoder()
        var chain = seed(String(decoding: lines.header, as: UTF8.self))
        var position = header.first - 1
        let (read, broken) = OpFileText.prefix(of: lines, count: header.count) { text throws(OpFileText.Refusal) in
            guard let line = try? decoder.decode(Line.self, from: text) else { throw .init("not an op") }
            guard line.hubSeq > position, line.hubSeq <= header.last else { throw .init("out of the file's order") }
            guard line.op.hasValidHash else { throw .init("the op does not match its hash") }
            guard line.chain == link(chain, line.hubSeq, line.op) else { throw .init("the chain breaks") }
            chain = line.chain
            position = line.hubSeq
            return line
        }
        let report = try database.merge(read.map(\.op))
        cursor.pulledSeq = max(cursor.pulledSeq, broken == nil ? header.last : position)
        cursor.pushedSeq = max(cursor.pushedSeq, min(header.acked, try database.head(of: database.deviceID)))
        cursor.lastSyncAt = database.clock.now()
        cursor.lastResult = "ok: file \(lines.file): pulled \(report.applied), conflicts \(report.conflicts)"
            + (broken.map { " (broke at line \($0.line))" } ?? "")
        try SyncClient.save(cursor, in: database)
        return ImportResult(header: header, report: report, pulledSeq: cursor.pulledSeq,
                            broken: broken.map { .tornHubFile(file: lines.file, line: $0.line, reason: $0.reason) })
    }

    /// Whether the file at `path` is a hub file (by its header), not a notebook file.
    public static func recognises(_ path: String) -> Bool {
        OpFileText.format(of: path) == format
    }

    /// The cursor row of a notebook that has met its hub only by file.
    static func fileHub(_ hub: DeviceID) -> String { "file:" + hub.short }
}
