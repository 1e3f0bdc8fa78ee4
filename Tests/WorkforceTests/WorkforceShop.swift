import Foundation
import GRDB
import ShopDomain
import Synchronization
@testable import Storage
import Warehouse
@testable import Workforce

/// A clock the test moves by hand, in the shop's zone.
final class TestClock: Sendable {
    private let instant = Mutex(Date(timeIntervalSince1970: 0))
    let zone = try! ShopZone("Asia/Shanghai")

    var clock: ShopClock { ShopClock { [self] in instant.withLock { $0 } } }

    func set(_ day: String, _ hour: Int, _ minute: Int = 0) {
        instant.withLock { $0 = zone.start(of: CivilDate(day)!).addingTimeInterval(Double(hour * 3600 + minute * 60)) }
    }
}

/// A fresh shop with the workforce and warehouse modules and a CS team.
struct WorkforceShop {
    let database: ShopDatabase
    let time = TestClock()
    let gm: StaffID, lead: StaffID, agent: StaffID, night: StaffID, hand: StaffID

    init() throws {
        time.set("2026-11-23", 7)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-wf-\(UUID().uuidString).sqlite").path
        database = try ShopDatabase.create(at: path, shop: "测试小店", owner: "黄乔", modules: [Warehouse.feature, Workforce.feature], clock: time.clock)
        gm = try database.read(CoreQueries.shop).owner
        let ids: [StaffID] = (0..<4).map { _ in IDSource.random.next() }
        (lead, agent, night, hand) = (ids[0], ids[1], ids[2], ids[3])
        try database.apply([
            OpDraft(actor: gm, StaffAdded(staff: lead, name: "刘芬", roles: [.csLead, .csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: agent, name: "小红", roles: [.csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: night, name: "周小雨", roles: [.csAgent])),
            OpDraft(actor: gm, StaffAdded(staff: hand, name: "二哥", roles: [.warehouse])),
        ])
    }

    @discardableResult
    func apply<P: OpPayload>(_ payload: P, as actor: StaffID, at day: String? = nil, _ hour: Int = 0, _ minute: Int = 0) throws -> Op {
        if let day { time.set(day, hour, minute) }
        return try database.apply(OpDraft(actor: actor, payload))
    }

    /// Plans a week with the planner, as `roster plan` does.
    func plan(_ week: String) throws {
        let week = ISOWeek(week)!
        let staff = try database.read { db in try CoreQueries.staffList(db, includeInactive: false) }.map(\.staff)
        try apply(RosterPlanned(week: week, entries: RosterPlanner.plan(week: week, members: staff.map { .init(staff: $0.id, roles: $0.roles) }),
                                cleaning: RosterPlanner.cleaning(week: week, members: staff.map(\.id))), as: lead)
    }

    /// Sets the person's line on a day directly, for stories that need a known rota.
    func rota(_ day: String, _ staff: StaffID, _ template: ShiftTemplate?) throws {
        let date = CivilDate(day)!
        let week = ISOWeek(containing: date)
        var entries = try database.read { db in try WorkforceQueries.roster(db, week: week) }
            .map { RosterPlanned.Entry(day: CivilDate($0.day)!, staff: StaffID(rawValue: $0.staff), template: $0.template.flatMap(ShiftTemplate.init(rawValue:))) }
            .filter { !($0.day == date && $0.staff == staff) }
        entries.append(.init(day: date, staff: staff, template: template))
        try apply(RosterPlanned(week: week, entries: entries, cleaning: []), as: lead)
    }

    func start(_ staff: StaffID, _ day: String, _ hour: Int, _ minute: Int = 0) throws -> String {
        let id = ShortID.make("S", day: CivilDate(day)!, ids: .random)
        try apply(ShiftStarted(shift: id), as: staff, at: day, hour, minute)
        return id
    }

    func end(_ staff: StaffID, _ day: String, _ hour: Int, _ minute: Int = 0, note: String? = nil) throws -> ShiftEnded {
        time.set(day, hour, minute)
        let payload = try ShiftWork.end(database, staff: staff, note: note)
        try database.apply(OpDraft(actor: staff, payload))
        return payload
    }

    func write(_ text: String, as staff: StaffID) throws -> String {
        let id = ShortID.make("H", ids: .random)
        try database.apply(OpDraft(actor: staff, HandoverWritten(item: id, text: text)))
        return id
    }
}
