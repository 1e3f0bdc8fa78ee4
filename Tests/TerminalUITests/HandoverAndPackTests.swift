import Foundation
import Synchronization
import Testing
import DemoShop
import GRDB
import Logistics
import ShopDomain
import ShopActions
@testable import ShiftDesk
@testable import Storage
import TerminalUI
import Workforce

/// The demo shop after a night on the warehouse desk: Tony王 (a name mixing ASCII and CJK) works
/// 06:00–09:30 and hands two items to the warehouse team; every person's PIN is 1234; the desk
/// opens at 10:00 (`DeskHarness.now`).
enum NightHarness {
    static let tony = "Tony王"
    static let items = ["H-7A11CE", "H-7A11CF"]

    final class SteppedClock: Sendable {
        let instant = Mutex(Date(timeIntervalSince1970: 0))
        var clock: ShopClock { ShopClock { [self] in instant.withLock { $0 } } }
        func set(_ text: String) { instant.withLock { $0 = ShopClock.parseInstant("2026-11-30T\(text):00+08:00")! } }
    }

    nonisolated(unsafe) private static var made: String?
    private static let lock = NSLock()

    static func shop() throws -> ShopDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("shop.sqlite").path
        try FileManager.default.copyItem(atPath: try template(), toPath: path)
        return try ShopDatabase.open(at: path, modules: ShopFeatures.all, clock: .fixed(DeskHarness.now))
    }

    private static func template() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tui-night-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("shop.sqlite").path
        try DemoShop.create(at: path, seed: 7, modules: ShopFeatures.all, clock: .fixed(DeskHarness.now))
        let clock = SteppedClock()
        let database = try ShopDatabase.open(at: path, modules: ShopFeatures.all, clock: clock.clock)
        let gm = try database.read(CoreQueries.shop).owner
        let tony = IDSource.seeded(2026).next(StaffID.self)
        clock.set("05:50")
        try database.apply(OpDraft(actor: gm, StaffAdded(staff: tony, name: Self.tony, roles: [.warehouse, .shipper])))
        clock.set("06:00")
        try database.apply(OpDraft(actor: tony, ShiftStarted(shift: "S20261130-0A6E01")))
        clock.set("07:12")
        try database.apply(OpDraft(actor: tony, HandoverWritten(item: items[0], text: "B-02 货架第三层松了，别放重物；已报修", about: "B-02")))
        clock.set("08:40")
        try database.apply(OpDraft(actor: tony, HandoverWritten(item: items[1], text: "ZTO 今天 16:30 才来揽收，王师傅说的", about: "ZTO")))
        clock.set("09:30")
        try database.apply(OpDraft(actor: tony, try ShiftWork.end(database, staff: tony, note: "胶带在 A 区柜子里")))
        clock.set("09:40")
        let people = try database.read { db in try CoreQueries.staffList(db, includeInactive: false) }
        try database.apply(people.map { person in
            OpDraft(actor: gm, StaffPINSet(staff: person.staff.id, salt: "salt-\(person.staff.name)",
                                           hash: PIN.hash(DeskHarness.pin, salt: "salt-\(person.staff.name)", rounds: 10_000), rounds: 10_000))
        })
        try database.checkpoint()
        made = path
        return path
    }

    static func staff(_ database: ShopDatabase, _ name: String) throws -> StaffID {
        try database.read { db in try CoreQueries.findStaff(db, name).id }
    }

    /// The first printed, unpacked waybill of the newest batch (the demo's batch 2).
    static func waybillToPack(_ database: ShopDatabase) throws -> (waybill: String, expected: [SKU: Int], barcodes: [SKU: String]) {
        try database.read { db in
            let batch = try #require(try ShippingQueries.batches(db).first { $0.printed > 0 })
            let row = try #require(try ShippingQueries.waybills(db, batch: batch.batch).first { $0.live && $0.state == "printed" })
            let session = try PackSession(db, waybill: row.waybill)
            var barcodes: [SKU: String] = [:]
            for sku in session.expected.keys {
                barcodes[sku] = try String.fetchOne(db, sql: "SELECT barcode FROM product WHERE sku = ?", arguments: [sku.rawValue])
            }
            return (row.waybill, session.expected, barcodes)
        }
    }
}

/// Expects the desk's screen to show `needle`, printing the screen when it does not.
func expectShows(_ desk: Desk, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let screen = desk.render()
    #expect(screen.contains(needle), "no “\(needle)” on\n\(screen.text)", sourceLocation: sourceLocation)
}

extension CellGrid {
    /// Whether any cell on row `y` has `style`.
    func row(_ y: Int, has style: CellStyle) -> Bool { (0..<width).contains { self[$0, y].style == style } }
    func rows(containing needle: String) -> [Int] { (0..<height).filter { line($0).contains(needle) } }
}

@Suite("shift desk: handover")
struct HandoverScreenTests {
    @Test("golden screens: handover on shift, zh and en, 80×24 and 160×48", arguments: [
        (Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48),
    ])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let suffix = "\(language == .zh ? "zh" : "en")-\(width)x\(height)"
        let (desk, _) = try DeskHarness.desk(language, width: width, height: height, database: try NightHarness.shop())
        DeskHarness.press(desk, [.character("2"), .character("s")])
        let screen = desk.render()
        #expect(screen.contains(NightHarness.tony))
        let result = Golden.check("handover-\(suffix)", screen)
        #expect(result.matches, "\(result.actual)")
    }

    @Test("not on shift: taking over is refused with the module's message; after starting, the item is taken over")
    func takeOver() throws {
        let database = try NightHarness.shop()
        let (desk, _) = try DeskHarness.desk(.en, database: database)
        DeskHarness.press(desk, [.character("2")])
        expectShows(desk, "Not on shift")
        DeskHarness.press(desk, [.character("a")])
        let refused = desk.render()
        #expect(refused.contains(WorkforceError.notOnShift("二哥").message(in: .en)))
        #expect(refused.row(21, has: .flash))
        DeskHarness.press(desk, [.character("s"), .down, .character("a")])
        expectShows(desk, "二哥 took over: \(NightHarness.items[1])")
        let me = try NightHarness.staff(database, "二哥")
        let settled = try database.read { db in try WorkforceQueries.settledItems(db) }.first { $0.id == NightHarness.items[1] }
        #expect(settled?.status == "acked")
        #expect(settled?.settledBy == "二哥")
        let open = try database.read { db in try WorkforceQueries.handover(db, viewer: me, all: false) }.items.map(\.id)
        #expect(open == [NightHarness.items[0]])
    }

    @Test("writing an item, then ending the shift with a note: the same ops as handover add and shift end")
    func writeAndEnd() throws {
        let database = try NightHarness.shop()
        let (desk, _) = try DeskHarness.desk(.zh, database: database)
        DeskHarness.press(desk, [.character("2"), .character("s"), .character("n")])
        // While the field is open, digits and q are text, not keys.
        DeskHarness.press(desk, Key.typing("3 号纸箱 only 2 left，q 已报采购") + [.enter])
        expectShows(desk, "已记入交接本")
        let me = try NightHarness.staff(database, "二哥")
        let shift = try #require(try database.read { db in try WorkforceQueries.currentShift(db, staff: me) })
        let written = try database.read { db in try WorkforceQueries.handover(db, viewer: StaffID(rawValue: ""), all: true) }.items.filter { $0.shift == shift.id }
        #expect(written.map(\.text) == ["3 号纸箱 only 2 left，q 已报采购"])
        #expect(written.first?.team == "warehouse")
        #expect(written.first?.about == nil)
        expectShows(desk, "我这一班写的（1")
        // An empty item is refused by the module.
        DeskHarness.press(desk, [.character("n"), .enter])
        expectShows(desk, WorkforceError.emptyText.message(in: .zh))
        DeskHarness.press(desk, [.escape, .character("e")] + Key.typing("纸箱的事见交接") + [.enter])
        expectShows(desk, "下班")
        let ended = try database.read { db in try WorkforceQueries.shifts(db, staff: me, limit: 1) }[0]
        #expect(ended.id == shift.id && ended.endedAt != nil)
        #expect(ended.note == "纸箱的事见交接")
        #expect(!ended.figures.isEmpty)
        // Off shift now: ending again is refused with the module's words.
        DeskHarness.press(desk, [.character("e")])
        expectShows(desk, WorkforceError.notOnShift("二哥").message(in: .zh))
    }
}

@Suite("shift desk: pick and pack")
struct PickPackScreenTests {
    @Test("golden screens: a batch's pick list and waybills, and packing with a refused scan, zh and en, 80×24 and 160×48", arguments: [
        (Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 160, 48), (Language.en, 160, 48),
    ])
    func goldens(_ language: Language, _ width: Int, _ height: Int) throws {
        let suffix = "\(language == .zh ? "zh" : "en")-\(width)x\(height)"
        let database = try NightHarness.shop()
        let (desk, _) = try DeskHarness.desk(language, width: width, height: height, database: database)
        DeskHarness.press(desk, [.character("3")])
        let batches = Golden.check("pack-batches-\(suffix)", desk.render())
        #expect(batches.matches, "\(batches.actual)")
        DeskHarness.press(desk, [.enter])
        let batch = Golden.check("pack-batch-\(suffix)", desk.render())
        #expect(batch.matches, "\(batch.actual)")
        let parcel = try NightHarness.waybillToPack(database)
        let first = parcel.expected.keys.sorted()[0]
        DeskHarness.press(desk, [.enter] + Key.typing(first.rawValue) + [.enter] + Key.typing("6900000000000") + [.enter])
        let packing = Golden.check("pack-scan-\(suffix)", desk.render())
        #expect(packing.matches, "\(packing.actual)")
    }

    @Test("pack a demo waybill: a wrong item and an extra unit are refused and flash; complete, it is signed by the person at the desk")
    func pack() throws {
        let database = try NightHarness.shop()
        let parcel = try NightHarness.waybillToPack(database)
        let (desk, _) = try DeskHarness.desk(.en, width: 160, height: 48, database: database)
        // Batch list → the newest batch (selected: it has waybills to pack) → its first waybill to pack.
        DeskHarness.press(desk, [.character("3"), .enter, .enter])
        expectShows(desk, "Waybill \(parcel.waybill)")

        // A wrong item: refused with the module's message; the field and the status row flash for that frame.
        DeskHarness.press(desk, Key.typing("PS9999-XXX-F") + [.enter])
        let wrong = desk.render()
        let message = LogisticsError.notOnOrder("PS9999-XXX-F", parcel.waybill).message(in: .en)
        #expect(wrong.contains(message))
        let scanRow = try #require(wrong.rows(containing: "Scan:").first)
        #expect(wrong.row(scanRow, has: .flash))
        #expect(wrong.row(45, has: .flash))
        #expect(!desk.render().row(scanRow, has: .flash))  // the next frame

        // Finishing early is refused by the module too.
        DeskHarness.press(desk, [.enter])
        let missing = parcel.expected.keys.sorted().map { "\($0.rawValue) ×\(parcel.expected[$0]!)" }
        expectShows(desk, LogisticsError.packIncomplete(parcel.waybill, missing).message(in: .en))
        #expect(try database.read { db in try ShippingQueries.waybill(db, parcel.waybill) }.state == "printed")

        // Scan every unit: the first by barcode, the rest by SKU code; each ticks its line.
        let skus = parcel.expected.keys.sorted()
        for (n, sku) in skus.enumerated() {
            for unit in 0..<parcel.expected[sku]! {
                let code = n == 0 && unit == 0 ? parcel.barcodes[sku] ?? sku.rawValue : sku.rawValue
                DeskHarness.press(desk, Key.typing(code) + [.enter])
            }
            let screen = desk.render()
            let row = try #require(screen.rows(containing: sku.rawValue).first)
            #expect(screen.line(row).contains("\(parcel.expected[sku]!)/\(parcel.expected[sku]!)"))
        }
        expectShows(desk, "Every line matched")

        // One unit too many: refused, and its line flashes.
        DeskHarness.press(desk, Key.typing(skus[0].rawValue) + [.enter])
        let extra = desk.render()
        #expect(extra.contains(LogisticsError.overQuantity(skus[0].rawValue, parcel.waybill, parcel.expected[skus[0]]!).message(in: .en)))
        let line = try #require(extra.rows(containing: skus[0].rawValue).first)
        #expect(extra.row(line, has: .flash))

        // A supply (optional), then Enter on the complete parcel signs it.
        DeskHarness.press(desk, [.tab, .enter])
        expectShows(desk, "packed, signed by 二哥")
        let row = try database.read { db in try ShippingQueries.waybill(db, parcel.waybill) }
        #expect(row.state == "packed")
        #expect(row.packedBy == (try NightHarness.staff(database, "二哥")).rawValue)
        #expect(row.packer == "二哥")
        let items = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT sku, quantity FROM parcel_item WHERE number = ?", arguments: [parcel.waybill])
        }
        #expect(Dictionary(uniqueKeysWithValues: items.map { (SKU(rawValue: $0["sku"]), $0["quantity"] as Int) }) == parcel.expected)
        // Back on the batch, the waybill shows as packed by me.
        let batch = desk.render()
        let waybillRow = try #require(batch.rows(containing: parcel.waybill).first)
        #expect(batch.line(waybillRow).contains("二哥"))
    }

    @Test("a waybill typed on the batch list opens for packing; an unknown or packed one is refused with the module's message")
    func typedWaybill() throws {
        let database = try NightHarness.shop()
        let parcel = try NightHarness.waybillToPack(database)
        let packed = try database.read { db in try ShippingQueries.waybills(db, state: "packed").first!.waybill }
        let (desk, _) = try DeskHarness.desk(.zh, database: database)
        DeskHarness.press(desk, [.character("3"), .character("w")] + Key.typing("73199999999999") + [.enter])
        expectShows(desk, LogisticsError.unknownWaybill("73199999999999").message(in: .zh))
        DeskHarness.press(desk, Key.typing(packed) + [.enter])
        expectShows(desk, LogisticsError.alreadyPacked(packed).message(in: .zh))
        DeskHarness.press(desk, Key.typing(parcel.waybill) + [.enter])
        expectShows(desk, "快递单 \(parcel.waybill) · 收货人")
        // Esc leaves it unpacked: nothing was written.
        DeskHarness.press(desk, [.escape])
        expectShows(desk, "没有打包")
        #expect(try database.read { db in try ShippingQueries.waybill(db, parcel.waybill) }.state == "printed")
    }
}
