import Foundation
import ShopDomain
import Storage

/// A realistic demo shop, deterministic for a given seed: the seed rule book's people with
/// their roles, and — as feature modules land — products, stock, orders, shifts and handover.
public enum DemoShop {
    /// The demo shop's name; `demo --replace` only ever replaces a file holding this shop.
    public static let shopName = "艾芳汀（演示）"

    /// The people of the 艾芳汀 rule book (seed, part 1) plus a night-shift agent and a warehouse hand.
    static let people: [(name: String, roles: [Role], gender: Staff.Gender, birth: String)] = [
        ("史文龙", [.techLead], .male, "1988-03-14"),
        ("汪莎", [.designer], .female, "1993-07-02"),
        ("刘芬", [.csLead, .csAgent], .female, "1991-11-20"),
        ("大哥", [.shipper, .finance, .warehouseLead], .male, "1982-01-09"),
        ("周小雨", [.csAgent], .female, "1998-05-27"),
        ("二哥", [.warehouse, .shipper], .male, "1986-09-30"),
    ]

    static let owner = (name: "黄乔", birth: "1985-06-18")

    /// Every demo person's PIN for `zhanggui-tui`.
    public static let demoPIN = "1234"

    /// Creates the demo shop at `path` (which must not exist).
    @discardableResult
    public static func create(at path: String, seed: UInt64, modules: [ShopFeature], clock: ShopClock) throws -> ShopDatabase {
        let ids = IDSource.seeded(seed)
        // The demo's history happens over the days before today, on a clock of its own.
        let zone = try ShopZone(ShopZone.defaultIdentifier)
        let today = zone.day(of: clock.now())
        let history = DemoClock(zone.start(of: today.adding(days: -16)))
        history.set(today.adding(days: -16), 7, 0, in: zone)
        let database = try ShopDatabase.create(at: path, shop: shopName, owner: owner.name, modules: modules,
                                               clock: history.clock, ids: ids)
        let gm = try database.read(CoreQueries.shop).owner
        var drafts = people.map { person in
            OpDraft(actor: gm, StaffAdded(staff: ids.next(), name: person.name, roles: person.roles,
                                          gender: person.gender, birthDate: CivilDate(person.birth)))
        }
        // The GM lowers the low-stock threshold from next month: history keeps today's 10 (CS-10).
        let firstOfNextMonth = today.month == 12
            ? CivilDate(year: today.year + 1, month: 1, day: 1)! : CivilDate(year: today.year, month: today.month + 1, day: 1)!
        drafts.append(OpDraft(actor: gm, PolicySet(key: "CS-10.low-stock", value: "8", effectiveFrom: firstOfNextMonth)))
        try database.apply(drafts)
        // Everyone's terminal PIN is 1234 in the demo.
        let everyone = try database.read { db in try CoreQueries.staffList(db, includeInactive: false) }
        try database.apply(everyone.map { person in
            let salt = ShortID.make("S", ids: ids)
            return OpDraft(actor: gm, StaffPINSet(staff: person.staff.id, salt: salt, hash: PIN.hash(demoPIN, salt: salt), rounds: PIN.rounds))
        })
        let hand = try database.read { db in try CoreQueries.findStaff(db, "二哥").id }
        var warehouse = DemoWarehouse(database: database, ids: ids, random: SeededGenerator(seed: seed), gm: gm, hand: hand,
                                      today: today.adding(days: -16))
        try warehouse.build()
        try DemoPeople(database: database, clock: history, zone: zone, ids: ids, start: today.adding(days: -16)).build()
        let folders = DemoListing.folders(forDatabaseAt: path)
        try DemoListing(database: database, clock: history, zone: zone, ids: ids, today: today, imagesRoot: folders.images,
                        backupRoot: folders.backup).build()
        let approval = DemoApproval(database: database, clock: history, zone: zone, today: today)
        try approval.buildChains()
        var logistics = DemoLogistics(database: database, clock: history, zone: zone, ids: ids, random: SeededGenerator(seed: seed &+ 1),
                                      today: today)
        try logistics.buildHistory()
        try DemoWorkforce(database: database, clock: history, zone: zone, ids: ids, today: today).build()
        try logistics.buildEvening()
        try DemoCustomerCare(database: database, clock: history, zone: zone, ids: ids, today: today).build()
        try approval.summarize()
        try DemoReporting(database: database, gm: gm, today: today).build()
        try history.finish()
        return try ShopDatabase.open(at: path, modules: modules, clock: clock)
    }
}
