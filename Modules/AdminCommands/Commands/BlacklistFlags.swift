import CustomerCare
import Foundation
import ShopDomain

/// CS-4: a blacklisted buyer's orders still ship, but every command that shows them says so.
/// Logistics knows nothing of the blacklist (feature modules never import each other); the CLI,
/// which wires both, asks CustomerCare for the flags of the orders it is about to print.
enum BlacklistFlags {
    static func lines(_ session: Session, orders: some Collection<String>) throws -> [String] {
        guard !orders.isEmpty else { return [] }
        let flags = try session.read { try CustomerQueries.blacklisted($0, orders: orders) }
        return flags.keys.sorted().map { L("[黑] 黑名单买家：订单 \($0)（\(flags[$0]!)）", "[黑] blacklisted buyer: order \($0) (\(flags[$0]!))") }
    }

    static func print(_ session: Session, orders: some Collection<String>) throws {
        for line in try lines(session, orders: orders) { Output.line(line) }
    }
}
