import Foundation
import ShopDomain
import Testing
@testable import Storage
@testable import Workforce

/// Issue 19: starting after the rostered shift should have ended is late, not "unscheduled".
@Suite("Lateness when the shift starts long after its time (HR-4)")
struct LateStartTests {
    @Test("rostered 08:00, started 20:15: late by 735 minutes, on today's line", arguments: [(20, 15, 735), (8, 0, 0), (17, 29, 569), (23, 59, 959)])
    func lateAfterTheEnd(hour: Int, minute: Int, late: Int) throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-30", shop.night, .csEarly)
        _ = try shop.start(shop.night, "2026-11-30", hour, minute)
        let shift = try #require(try shop.database.read { db in try WorkforceQueries.currentShift(db, staff: shop.night) })
        #expect(shift.template == "cs-early")
        #expect(shift.lateMinutes == late)
        #expect(shift.day == "2026-11-30")
    }

    @Test("no line today: unscheduled, as before")
    func unscheduled() throws {
        let shop = try WorkforceShop()
        try shop.rota("2026-11-29", shop.night, .csEarly)
        _ = try shop.start(shop.night, "2026-11-30", 20, 15)
        let shift = try #require(try shop.database.read { db in try WorkforceQueries.currentShift(db, staff: shop.night) })
        #expect(shift.template == nil)
        #expect(shift.lateMinutes == 0)
    }
}
