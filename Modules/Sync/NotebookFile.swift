import Foundation
import ShopDomain
import Storage

/// The offline way: a notebook's ops in a file carried on a USB stick. One JSON line of header
/// (format, device, sequence range, schema), then one op per line, each chained to the one
/// before by its hash. A torn or truncated file imports its valid prefix and says where it broke.
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
    }

    /// Writes this notebook's ops after `seq` (default: those the hub has not acknowledged).
    @discardableResult
    public static func export(_ database: ShopDatabase, to path: String, after seq: Int64? = nil) throws -> Header {
        let from = try seq ?? SyncClient.cursor(database).pushedSeq
        let ops = try database.ops(from: database.deviceID, after: from)
        let header = Header(format: format, version: version, device: database.deviceID, first: ops.first?.deviceSeq ?? from + 1,
                            last: ops.last?.deviceSeq ?? from, count: ops.count, migrations: database.migrations)
        let encoder = SyncProtocol.encoder()
        var text = String(decoding: try encoder.encode(header), as: UTF8.self) + "\n"
        for op in ops { text += String(decoding: try encoder.encode(op), as: UTF8.self) + "\n" }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw StorageError.io(path: path, reason: "cannot write")
        }
        return header
    }

    public struct ImportResult: Sendable {
        public var header: Header
        public var response: SyncProtocol.PushResponse
        /// Where the file broke, if it did; everything before was imported.
        public var broken: SyncError?
    }

    /// Imports a notebook file at the hub, through the same apply path as an HTTP push.
    public static func importFile(_ path: String, into hub: HubService) throws -> ImportResult {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw StorageError.io(path: path, reason: "cannot read") }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)), header.format == format else {
            throw SyncError.tornFile(file: file, line: 1, reason: "no notebook header")
        }
        guard header.version >= version else { throw SyncError.oldFormat(header.version) }
        try hub.checkSchema(header.migrations)
        var ops: [Op] = []
        var broken: SyncError?
        var previous: Op?
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            if line.isEmpty {
                if index == lines.count - 1 { break }  // the final newline
                broken = .tornFile(file: file, line: number, reason: "empty line")
                break
            }
            guard let op = try? decoder.decode(Op.self, from: Data(line)) else {
                broken = .tornFile(file: file, line: number, reason: "not an op")
                break
            }
            guard op.deviceID == header.device else { broken = .tornFile(file: file, line: number, reason: "another device's op"); break }
            guard op.hasValidHash else { broken = .tornFile(file: file, line: number, reason: "the op does not match its hash"); break }
            if let previous, op.deviceSeq != previous.deviceSeq + 1 || op.prevHash != previous.hash {
                broken = .tornFile(file: file, line: number, reason: "the chain breaks")
                break
            }
            ops.append(op)
            previous = op
        }
        if broken == nil, ops.count < header.count {
            broken = .tornFile(file: file, line: lines.count, reason: "\(header.count - ops.count) of \(header.count) ops missing: the file is cut off")
        }
        let device = try? hub.registry.list().first { $0.deviceID == header.device.rawValue }
        let response = try hub.receive(ops, from: header.device, hubDevice: device ?? nil)
        return ImportResult(header: header, response: response, broken: broken)
    }
}
