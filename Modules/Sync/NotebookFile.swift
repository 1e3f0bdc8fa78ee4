import Foundation
import ShopDomain
import Storage

/// The offline way: a notebook's ops in a file carried on a USB stick. One JSON line of header
/// (format, device, sequence range, schema, how far it has pulled), then one op per line, each
/// chained to the one before by its hash. A torn or truncated file imports its valid prefix and
/// says where it broke. The way back is `HubFile`.
public enum NotebookFile {
    public static let format = "zhanggui-notebook"
    public static let version = 1

    public struct Header: Codable, Sendable, Equatable {
        public var format: String
        public var version: Int
        public var device: DeviceID
        public var first: Int64
        public var last: Int64
        public var count: Int
        public var migrations: [String]
        /// The hub position this notebook has pulled up to, so the hub knows where its next hub
        /// file for the notebook starts (absent in files from before hub files).
        public var pulled: Int64?
    }

    /// Writes this notebook's ops after `seq` (default: those the hub has not acknowledged).
    @discardableResult
    public static func export(_ database: ShopDatabase, to path: String, after seq: Int64? = nil) throws -> Header {
        let cursor = try SyncClient.cursor(database)
        let from = seq ?? cursor.pushedSeq
        let ops = try database.ops(from: database.deviceID, after: from)
        let header = Header(format: format, version: version, device: database.deviceID, first: ops.first?.deviceSeq ?? from + 1,
                            last: ops.last?.deviceSeq ?? from, count: ops.count, migrations: database.migrations,
                            pulled: cursor.pulledSeq)
        try OpFileText.write([try OpFileText.line(header)] + ops.map { try OpFileText.line($0) }, to: path)
        return header
    }

    public struct ImportResult: Sendable {
        public var header: Header
        public var response: SyncProtocol.PushResponse
        /// Where the file broke, if it did; everything before was imported.
        public var broken: SyncError?
    }

    /// Imports a notebook file at the hub, through the same apply path as an HTTP push. `device`
    /// (a registered device's name or ID) binds a device that has never synced to the file's
    /// notebook, so the hub can export files for it.
    public static func importFile(_ path: String, into hub: HubService, device key: String? = nil) throws -> ImportResult {
        let lines = try OpFileText.read(path)
        if lines.format == HubFile.format {
            throw SyncError.hubFileAtHub((try? JSONDecoder().decode(HubFile.Header.self, from: lines.header))?.deviceName ?? "?")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: lines.header), header.format == format else {
            throw SyncError.tornFile(file: lines.file, line: 1, reason: "no notebook header")
        }
        guard header.version >= version else { throw SyncError.oldFormat(header.version) }
        guard try hub.database.isHub else { throw SyncError.notTheHub }
        try hub.checkSchema(header.migrations)
        let hubDevice = try device(key, for: header.device, in: hub.registry)
        let decoder = JSONDecoder()
        var previous: Op?
        let (ops, broken) = OpFileText.prefix(of: lines, count: header.count) { line throws(OpFileText.Refusal) in
            guard let op = try? decoder.decode(Op.self, from: line) else { throw .init("not an op") }
            guard op.deviceID == header.device else { throw .init("another device's op") }
            guard op.hasValidHash else { throw .init("the op does not match its hash") }
            if let previous, op.deviceSeq != previous.deviceSeq + 1 || op.prevHash != previous.hash { throw .init("the chain breaks") }
            previous = op
            return op
        }
        let response = try hub.receive(ops, from: header.device, hubDevice: hubDevice)
        if let hubDevice, let pulled = header.pulled { try hub.registry.recordPulled(hubDevice.id, upTo: pulled) }
        return ImportResult(header: header, response: response,
                            broken: broken.map { .tornFile(file: lines.file, line: $0.line, reason: $0.reason) })
    }

    /// The registered device a file's notebook is bound to, or the one `key` names (which must
    /// not be bound to another notebook).
    static func device(_ key: String?, for notebook: DeviceID, in registry: DeviceRegistry) throws -> HubDevice? {
        guard let key else { return try registry.list().first { $0.deviceID == notebook.rawValue } }
        let named = try registry.find(key)
        if let bound = named.deviceID, bound != notebook.rawValue { throw SyncError.boundElsewhere(named.name) }
        guard named.revokedAt == nil else { throw SyncError.revoked(named.name) }
        guard named.quarantinedAt == nil else { throw SyncError.quarantined(named.name) }
        return named
    }
}
