import Foundation
import GRDB
import ShopDomain
import Storage

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

    /// `POST /v1/ops`: a device pushes a batch of its own ops. The byte limit and the op limit
    /// are separate refusals (issue 19). A push without ops binds nothing: it answers where the
    /// hub stands for the device (its `acked`), so a stolen token cannot claim a notebook by an
    /// empty push.
    public func push(token: String?, body: Data) throws(SyncError) -> SyncProtocol.PushResponse {
        let started = ContinuousClock.now
        let device = try registry.authenticate(token)
        guard body.count <= SyncProtocol.maxBodyBytes else { throw .bodyTooLarge(bytes: body.count, max: SyncProtocol.maxBodyBytes) }
        let request: SyncProtocol.PushRequest
        do {
            request = try JSONDecoder().decode(SyncProtocol.PushRequest.self, from: body)
        } catch {
            throw .badRequest(Self.describe(error))
        }
        guard request.device.isWellFormed else { throw .malformedDevice(request.device.rawValue) }
        guard request.ops.count <= SyncProtocol.maxOpsPerPush else { throw .tooManyOps(request.ops.count, max: SyncProtocol.maxOpsPerPush) }
        if let bound = device.deviceID, bound != request.device.rawValue { throw .boundElsewhere(device.name) }
        if let foreign = request.ops.first(where: { $0.deviceID != request.device }) { throw .foreignOps(foreign.id.description) }
        try checkSchema(request.migrations)
        let response: SyncProtocol.PushResponse
        if request.ops.isEmpty {
            let acked: Int64
            do {
                acked = device.deviceID == nil ? 0 : try database.head(of: request.device)
            } catch {
                throw .badRequest(Self.describe(error))
            }
            response = SyncProtocol.PushResponse(applied: 0, duplicates: 0, conflicts: 0, held: [], acked: acked, clockAhead: 0)
        } else {
            response = try receive(request.ops, from: request.device, hubDevice: device)
        }
        metrics.recordPush(ops: request.ops.count, applied: response.applied, conflicts: response.conflicts,
                           duration: ContinuousClock.now - started)
        return response
    }

    /// `GET /v1/ops?after=N&limit=M&device=ID`: the ops the device lacks, in the hub's order.
    /// `device` (the notebook's device ID, which `SyncClient` sends) binds a token that has not
    /// been bound yet; for a bound token it must be the bound notebook.
    public func pull(token: String?, after: Int64, limit: Int, device notebook: DeviceID? = nil) throws(SyncError) -> SyncProtocol.PullResponse {
        var device = try registry.authenticate(token)
        guard after >= 0 else { throw .badRequest("after must be 0 or more") }
        guard (1...SyncProtocol.maxOpsPerPush).contains(limit) else { throw .badRequest("limit must be 1 to \(SyncProtocol.maxOpsPerPush)") }
        if let notebook {
            guard notebook.isWellFormed else { throw .malformedDevice(notebook.rawValue) }
            if let bound = device.deviceID, bound != notebook.rawValue { throw .boundElsewhere(device.name) }
        }
        do {
            if let notebook, device.deviceID == nil {
                try database.writeLocal { db in try registry.bind(device, to: notebook, in: db) }
                device.deviceID = notebook.rawValue
            }
            // Asking for what follows `after` says the device has everything up to it.
            if after > device.pulledSeq { try registry.recordPulled(device.id, upTo: after) }
            let entries = try database.entries(after: after, excluding: device.deviceID.map(DeviceID.init(rawValue:)), limit: limit + 1)
            let page = entries.prefix(limit)
            // The cursor moves past the device's own ops too, which the query leaves out.
            let next = page.last?.seq ?? after
            return SyncProtocol.PullResponse(ops: page.map { .init(hubSeq: $0.seq, op: $0.op) }, next: next, more: entries.count > limit)
        } catch let error as SyncError {
            throw error
        } catch let error as any StoreOfRecordFailure {
            throw .storeUnavailable(error.message(in: .en))
        } catch {
            throw .badRequest(Self.describe(error))
        }
    }

    /// Merges a device's ops: the shared path of HTTP pushes (with ops) and notebook files.
    /// `hubDevice` is bound to `device` here if it was not yet (a file imported with `--device`
    /// binds even when it carries no ops: a person at the hub chose that device).
    public func receive(_ ops: [Op], from device: DeviceID, hubDevice: HubDevice?) throws(SyncError) -> SyncProtocol.PushResponse {
        guard device.isWellFormed else { throw .malformedDevice(device.rawValue) }
        let now = database.clock.now()
        do {
            let mergeStarted = ContinuousClock.now
            let report = try database.merge(ops)
            metrics.recordMerge(duration: ContinuousClock.now - mergeStarted)
            let ahead = ops.filter { Date(millis: $0.hlc.wallMillis).timeIntervalSince(now) > SyncProtocol.clockAheadLimit }
            let acked = try database.head(of: device)
            try database.writeLocal { db in
                if let hubDevice {
                    // The ops are merged whatever the binding says (they are valid, and merging is
                    // idempotent); a token that another request bound meanwhile is refused here.
                    try registry.bind(hubDevice, to: device, in: db)
                    try db.execute(sql: "UPDATE hub_device SET lastSeenAt = ?, opsPushed = opsPushed + ? WHERE id = ?",
                                   arguments: [Int64(now.timeIntervalSince1970 * 1000), report.applied, hubDevice.id])
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
        } catch let error as SyncError {
            throw error
        } catch MergeError.clonedNotebook(let id) {
            quarantine(hubDevice, device: device, op: id)
            throw .cloned(id.description)
        } catch let error as MergeError {
            throw .badOp(error.message(in: .en))
        } catch let error as any StoreOfRecordFailure {
            throw .storeUnavailable(error.message(in: .en))
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
        if case DecodingError.dataCorrupted(let context) = error {
            // Foundation says "not valid JSON" also for a number too large for its field.
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return context.debugDescription == "The given data was not valid JSON."
                ? "not valid JSON, or a number too large for its field (integers are 64-bit, hlc.counter 32-bit)"
                : context.debugDescription + (path.isEmpty ? "" : " at \(path)")
        }
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
