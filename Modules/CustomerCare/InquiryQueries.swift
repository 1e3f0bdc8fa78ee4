import Foundation
import GRDB
import ShopDomain
import Storage

/// One inquiry with its outcome as it stands now (CS-9): logged 成交, or matched since by a paid
/// order from the same buyer within `CS-9.conversion-days`.
public struct InquiryRecord: Sendable, Equatable, Codable {
    public var inquiry: String
    public var buyer: String
    public var products: String
    /// As logged.
    public var logged: InquiryOutcome
    /// As it stands: `won` once a matching paid order came in.
    public var outcome: InquiryOutcome
    public var reason: String?
    public var order: String?
    public var agent: String
    public var agentID: String
    public var at: Date
}

/// Conversion of one agent over a period (CS-9).
public struct Conversion: Sendable, Equatable, Codable {
    public var agent: String
    public var period: String
    public var inquiries: Int
    public var won: Int
    public var lost: Int
    public var pending: Int
    /// Won over inquiries, in per cent (nil with no inquiries).
    public var rate: Double?
}

/// An order placed but not paid (CS-5), with its follow-ups.
public struct FollowUpItem: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var note: String
        public var agent: String
        public var at: Date
    }
    public var order: String
    public var buyer: String?
    public var total: Money
    public var createdAt: Date
    public var followUps: [Entry]
}

public enum InquiryQueries {
    public enum Period: String, Sendable, CaseIterable {
        case day, week, month
    }

    /// Inquiries made in `[from, until)` (millis), optionally one agent's, with today's outcome.
    /// The conversion check is one read of the orders paid in the span (by the status/paid-time
    /// index), matched here: nothing is done at import time (the import's speed is judged).
    public static func inquiries(_ db: Database, from: Int64, until: Int64, agent: StaffID? = nil) throws -> [InquiryRecord] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.*, COALESCE((SELECT name FROM staff_v s WHERE s.id = i.agent), i.agent) AS agentName FROM cs_inquiry i
            WHERE at >= ? AND at < ? AND (? IS NULL OR agent = ?) ORDER BY at, id
            """, arguments: [from, until, agent?.rawValue, agent?.rawValue])
        let policy = try CoreQueries.policy(db)
        let zone = try ProjectionContext.zone(db)
        let item = PolicyCatalog.item("CS-9.conversion-days")!
        func window(_ at: Int64) -> Int64 {
            guard case .days(let days) = policy.value(of: item, on: zone.day(of: Date(millis: at))).value else { return 0 }
            return Int64(days) * 86_400_000
        }
        let open = rows.filter { ($0["outcome"] as String) != InquiryOutcome.won.rawValue }
        var paid: [String: [(id: String, at: Int64)]] = [:]
        if let first = open.map({ $0["at"] as Int64 }).min(), let last = open.map({ ($0["at"] as Int64) + window($0["at"]) }).max() {
            let buyers = Set(open.map { $0["buyer"] as String })
            for row in try Row.fetchAll(db, sql: """
                SELECT id, buyer, paidAt FROM order_v WHERE status IN ('paid', 'partly-shipped', 'shipped', 'completed', 'closed')
                AND paidAt >= ? AND paidAt < ? ORDER BY paidAt
                """, arguments: [first, last]) {
                guard let buyer = row["buyer"] as String?, buyers.contains(buyer) else { continue }
                paid[buyer, default: []].append((row["id"], row["paidAt"]))
            }
        }
        return rows.map { row in
            let at: Int64 = row["at"]
            let logged = InquiryOutcome(rawValue: row["outcome"]) ?? .pending
            var outcome = logged, order: String? = row["orderID"]
            if logged != .won, let match = paid[row["buyer"] as String]?.first(where: { $0.at >= at && $0.at < at + window(at) }) {
                outcome = .won
                order = order ?? match.id
            }
            return InquiryRecord(inquiry: row["id"], buyer: row["buyer"], products: row["products"], logged: logged, outcome: outcome,
                                 reason: row["reason"], order: order, agent: row["agentName"], agentID: row["agent"], at: Date(millis: at))
        }
    }

    /// Conversion per agent per day, ISO week or month, over shop days `from…until` (CS-9).
    public static func conversion(_ db: Database, from: CivilDate, until: CivilDate, by period: Period, agent: StaffID? = nil) throws -> [Conversion] {
        let zone = try ProjectionContext.zone(db)
        let records = try inquiries(db, from: zone.start(of: from).millis, until: zone.start(of: until.adding(days: 1)).millis, agent: agent)
        var groups: [String: [InquiryRecord]] = [:]
        for record in records {
            let day = zone.day(of: record.at)
            let key: String = switch period {
            case .day: day.description
            case .week: ISOWeek(containing: day).description
            case .month: day.monthKey
            }
            groups[key + "\u{0}" + record.agent, default: []].append(record)
        }
        return groups.map { key, records in
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let won = records.filter { $0.outcome == .won }.count
            return Conversion(agent: parts[1], period: parts[0], inquiries: records.count, won: won,
                              lost: records.filter { $0.outcome == .lost }.count, pending: records.filter { $0.outcome == .pending }.count,
                              rate: records.isEmpty ? nil : Double(won) * 100 / Double(records.count))
        }.sorted { ($0.period, $0.agent) < ($1.period, $1.agent) }
    }

    /// The reasons an inquiry may be lost for: the built-in ones, then the shop's.
    public static func reasons(_ db: Database) throws -> [String] { try InquiryHandlers.reasons(db) }

    /// CS-5: orders placed but not paid, newest first, with their follow-ups.
    public static func followUps(_ db: Database, limit: Int = 200) throws -> [FollowUpItem] {
        let orders = try Row.fetchAll(db, sql: """
            SELECT id, buyer, total, createdAt FROM order_v WHERE status = 'awaiting-payment' ORDER BY createdAt DESC LIMIT ?
            """, arguments: [limit])
        var entries: [String: [FollowUpItem.Entry]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT f.orderID, f.note, COALESCE((SELECT name FROM staff_v s WHERE s.id = f.agent), f.agent) AS agent, f.at FROM cs_followup f
            WHERE f.orderID IN (SELECT id FROM order_v WHERE status = 'awaiting-payment') ORDER BY f.id
            """) {
            entries[row["orderID"], default: []].append(.init(note: row["note"], agent: row["agent"], at: Date(millis: row["at"])))
        }
        return orders.map {
            FollowUpItem(order: $0["id"], buyer: $0["buyer"], total: Money(fen: $0["total"]), createdAt: Date(millis: $0["createdAt"]),
                         followUps: entries[$0["id"] as String] ?? [])
        }
    }
}
