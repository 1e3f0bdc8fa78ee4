import Foundation
import ShopDomain

/// The wire format of `/v1/ops` (docs/sync-protocol.md). JSON, ops exactly as stored.
public enum SyncProtocol {
    public static let version = 1
    /// Most ops one push may carry, and most one pull page may hold (the op limit).
    public static let maxOpsPerPush = 1000
    /// Most bytes one request body may carry: 16 MiB (the byte limit, separate from the op limit).
    public static let maxBodyBytes = 16 * 1024 * 1024
    /// Ops whose clock is this far ahead of the hub's are flagged (never reordered).
    public static let clockAheadLimit: TimeInterval = 5 * 60

    public struct PushRequest: Codable, Sendable {
        public var device: DeviceID
        public var migrations: [String]
        public var ops: [Op]
        public init(device: DeviceID, migrations: [String], ops: [Op]) {
            self.device = device
            self.migrations = migrations
            self.ops = ops
        }
    }

    public struct PushResponse: Codable, Sendable, Equatable {
        public var applied: Int
        public var duplicates: Int
        public var conflicts: Int
        /// Ops held back because an earlier one is missing (sequence numbers).
        public var held: [Int64]
        /// The highest of the device's sequence numbers the hub holds with nothing missing.
        public var acked: Int64
        /// Ops more than five minutes ahead of the hub's clock.
        public var clockAhead: Int
    }

    public struct PulledOp: Codable, Sendable {
        public var hubSeq: Int64
        public var op: Op
    }

    public struct PullResponse: Codable, Sendable {
        public var ops: [PulledOp]
        /// Pull after this next time.
        public var next: Int64
        public var more: Bool
    }

    public struct ErrorBody: Codable, Sendable {
        public var error: String
        public var message: String
        public var status: Int

        public init(error: String, message: String, status: Int) {
            self.error = error
            self.message = message
            self.status = status
        }
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension SyncError {
    /// The JSON error body the daemon answers with.
    public var body: SyncProtocol.ErrorBody {
        SyncProtocol.ErrorBody(error: code, message: message(in: .en), status: status)
    }

    var code: String {
        switch self {
        case .badRequest: "bad-request"
        case .unauthorized: "unauthorized"
        case .revoked: "revoked"
        case .quarantined: "quarantined"
        case .foreignOps: "foreign-ops"
        case .boundElsewhere: "bound-elsewhere"
        case .bodyTooLarge: "body-too-large"
        case .tooManyOps: "too-many-ops"
        case .malformedDevice: "bad-device"
        case .notebookTaken: "notebook-taken"
        case .badOp: "bad-op"
        case .storeUnavailable: "store-unavailable"
        case .cloned: "cloned-notebook"
        case .newerSchema: "newer-schema"
        case .oldFormat: "old-format"
        case .unknownDevice, .notRegistered: "unknown-device"
        case .hubUnreachable: "unreachable"
        case .hubRefused: "refused"
        case .tornFile, .tornHubFile: "torn-file"
        case .notSynced: "not-synced"
        case .notBound: "not-bound"
        case .pastHubHead: "past-hub-head"
        case .notTheHub: "not-the-hub"
        case .hubFileAtHub: "hub-file-at-hub"
        case .wrongDevice: "wrong-device"
        case .otherHub: "other-hub"
        case .newerHub: "newer-hub"
        case .gap: "gap"
        }
    }
}
