import Foundation
import GRDB
import ShopDomain
import Storage
import Synchronization

/// The hub's side of sync, independent of HTTP: the daemon's routes and `notebook import` both
/// come here, so both transports share one apply path.
public struct HubService: Sendable {
    public let database: ShopDatabase
    public let registry: DeviceRegistry
    public let metrics: HubMetrics

    public init(database: ShopDatabase, metrics: HubMetrics = HubMetrics()) {
        self.database = database
        self.registry = DeviceRegistry(database)
        self.metrics = metrics
    }

    /// `POST /v1/ops`: a device pushes a batch of its own ops.
    public func push(token: String?, body: Data) throws(SyncError) -> SyncProtocol.PushResponse {
        let started = ContinuousClock.now
        let device = try registry.authenticate(token)
        guard body.count <= SyncProtocol.maxBody else { throw .tooLarge(body.count, max: SyncProtocol.maxBody) }
        let request: SyncProtocol.PushRequest
        do {
            request = try JSONDecoder().decode(SyncProtocol.PushRequest.self, from: body)
        } catch {
            throw .badRequest(Self.describe(error))
        }
        guard request.ops.count <= SyncProtocol.maxBatch else { throw .tooLarge(request.ops.count, max: SyncProtocol.maxBatch) }
        if let bound = device.deviceID, bound != request.device.rawValue { throw .boundElsewhere(device.name) }
        if let foreign = request.ops.first(where: { $0.deviceID != request.device }) { throw .foreignOps(foreign.id.description) }
        try checkSchema(request.migrations)
        let response = try receive(request.ops, from: request.device, hubDevice: device)
        metrics.recordPush(ops: response.applied, conflicts: response.conflicts, seconds: (ContinuousClock.now - started).seconds)
        return response
    }

    /// `GET /v1/ops?after=N&limit=M`: the ops the device lacks, in the hub's order.
    public func pull(token: String?, after: Int64, limit: Int) throws(SyncError) -> SyncProtocol.PullResponse {
        let device = try registry.authenticate(token)
        guard after >= 0 else { throw .badRequest("after must be 0 or more") }
        guard (1...SyncProtocol.maxBatch).contains(limit) else { throw .badRequest("limit must be 1 to \(SyncProtocol.maxBatch)") }
        do {
            // Asking for what follows `after` says the device has everything up to it.
            if after > device.pulledSeq { try registry.recordPulled(device.id, upTo: after) }
            let entries = try database.entries(after: after, excluding: device.deviceID.map(DeviceID.init(rawValue:)), limit: limit + 1)
            let page = entries.prefix(limit)
            // The cursor moves past the device's own ops too, which the query leaves out.
            let next = page.last?.seq ?? after
            return SyncProtocol.PullResponse(ops: page.map { .init(hubSeq: $0.seq, op: $0.op) }, next: next, more: entries.count > limit)
        } catch {
            throw .badRequest(Self.describe(error))
        }
    }

    /// Merges a device's ops: the shared path of HTTP pushes and notebook files.
    public func receive(_ ops: [Op], from device: DeviceID, hubDevice: HubDevice?) throws(SyncError) -> SyncProtocol.PushResponse {
        let now = database.clock.now()
        do {
            let report = try database.merge(ops)
            let ahead = ops.filter { Date(millis: $0.hlc.wallMillis).timeIntervalSince(now) > SyncProtocol.clockAheadLimit }
            let acked = try database.head(of: device)
            try database.writeLocal { db in
                if let hubDevice {
                    try db.execute(sql: """
                        UPDATE hub_device SET deviceID = COALESCE(deviceID, ?), lastSeenAt = ?, opsPushed = opsPushed + ? WHERE id = ?
                        """, arguments: [device.rawValue, Int64(now.timeIntervalSince1970 * 1000), report.applied, hubDevice.id])
                }
                for op in ahead {  // flagged, never reordered, and the hub's clock never moves
                    try db.execute(sql: "INSERT INTO sync_incident (device, kind, op, detail, at) VALUES (?, 'clock-ahead', ?, ?, ?)",
                                   arguments: [device.rawValue, op.id.description,
                                               "op time \(Date(millis: op.hlc.wallMillis)) is ahead of the hub's \(now)",
                                               Int64(now.timeIntervalSince1970 * 1000)])
                }
            }
            return SyncProtocol.PushResponse(applied: report.applied, duplicates: report.duplicates, conflicts: report.conflicts,
                                             held: report.held.map(\.deviceSeq), acked: acked, clockAhead: ahead.count)
        } catch MergeError.clonedNotebook(let id) {
            quarantine(hubDevice, device: device, op: id)
            throw .cloned(id.description)
        } catch let error as MergeError {
            throw .badOp(error.message(in: .en))
        } catch let error as any ShopError {
            throw .badOp(error.message(in: .en))
        } catch {
            throw .badRequest(Self.describe(error))
        }
    }

    /// A cloned notebook (same op ID, another hash): the device may not sync until a person checks.
    func quarantine(_ hubDevice: HubDevice?, device: DeviceID, op: OpID) {
        let now = Int64(database.clock.now().timeIntervalSince1970 * 1000)
        try? database.writeLocal { db in
            if let hubDevice {
                try db.execute(sql: "UPDATE hub_device SET quarantinedAt = ? WHERE id = ?", arguments: [now, hubDevice.id])
            } else {
                try db.execute(sql: "UPDATE hub_device SET quarantinedAt = ? WHERE deviceID = ?", arguments: [now, device.rawValue])
            }
            try db.execute(sql: "INSERT INTO sync_incident (device, kind, op, detail, at) VALUES (?, 'cloned', ?, ?, ?)",
                           arguments: [device.rawValue, op.description, "same op ID with another hash", now])
        }
    }

    /// A notebook from a newer program (migrations the hub does not know) is refused.
    func checkSchema(_ migrations: [String]) throws(SyncError) {
        let known = Set(database.migrations)
        let unknown = migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .newerSchema(unknown) }
    }

    public struct Incident: Sendable, Codable, Equatable {
        public var device: String?
        public var kind: String
        public var op: String?
        public var detail: String
        public var at: Date
    }

    public func incidents() throws -> [Incident] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_incident ORDER BY id DESC LIMIT 100").map {
                Incident(device: $0["device"], kind: $0["kind"], op: $0["op"], detail: $0["detail"], at: Date(millis: $0["at"]))
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing field \(key.stringValue)" }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        }
        if case DecodingError.valueNotFound(_, let context) = error {
            return "missing value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        }
        return (error as? any ShopError)?.message(in: .en) ?? String(describing: error)
    }
}

/// Counters for `/metrics` (Prometheus text format).
public final class HubMetrics: Sendable {
    private struct State {
        var opsMerged = 0
        var conflicts = 0
        var pushes = 0
        var pushSeconds: Double = 0
        var pushBuckets: [Double: Int] = [:]
    }

    private let state = Mutex(State())
    static let buckets: [Double] = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]

    public init() {}

    func recordPush(ops: Int, conflicts: Int, seconds: Double) {
        state.withLock { s in
            s.opsMerged += ops
            s.conflicts += conflicts
            s.pushes += 1
            s.pushSeconds += seconds
            for bucket in Self.buckets where seconds <= bucket { s.pushBuckets[bucket, default: 0] += 1 }
        }
    }

    /// The metrics in Prometheus' text exposition format.
    public func render(devices: Int, openConflicts: Int, journalOps: Int) -> String {
        let s = state.withLock { $0 }
        var lines = [
            "# HELP zhanggui_ops_merged_total Ops merged from devices since the daemon started.",
            "# TYPE zhanggui_ops_merged_total counter", "zhanggui_ops_merged_total \(s.opsMerged)",
            "# HELP zhanggui_conflicts_total Merged ops parked as conflicts since the daemon started.",
            "# TYPE zhanggui_conflicts_total counter", "zhanggui_conflicts_total \(s.conflicts)",
            "# HELP zhanggui_conflicts_open Conflicts waiting for a person.",
            "# TYPE zhanggui_conflicts_open gauge", "zhanggui_conflicts_open \(openConflicts)",
            "# HELP zhanggui_devices Registered devices that may sync.",
            "# TYPE zhanggui_devices gauge", "zhanggui_devices \(devices)",
            "# HELP zhanggui_journal_ops Ops in the hub's journal.",
            "# TYPE zhanggui_journal_ops gauge", "zhanggui_journal_ops \(journalOps)",
            "# HELP zhanggui_push_seconds Time to accept a push.",
            "# TYPE zhanggui_push_seconds histogram",
        ]
        for bucket in Self.buckets { lines.append("zhanggui_push_seconds_bucket{le=\"\(bucket)\"} \(s.pushBuckets[bucket] ?? 0)") }
        lines += ["zhanggui_push_seconds_bucket{le=\"+Inf\"} \(s.pushes)", "zhanggui_push_seconds_sum \(s.pushSeconds)",
                  "zhanggui_push_seconds_count \(s.pushes)"]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
