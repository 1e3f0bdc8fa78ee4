import Testing
@testable import ShopDomain

@Suite("Policy: every amount, threshold and period with its rule")
struct PolicyTests {
    @Test("the catalogue has unique keys and cites real rule IDs")
    func catalogue() throws {
        let keys = PolicyCatalog.items.map(\.id)
        #expect(Set(keys).count == keys.count)
        for item in PolicyCatalog.items {
            #expect(item.id.hasPrefix(item.rule + "."))
            #expect(!item.zh.isEmpty && !item.en.isEmpty)
            // The default survives a round trip through its text form.
            #expect(try PolicyValue.parse(item.defaultValue.description, as: item.kind) == item.defaultValue)
        }
        for rule in ["CAMP-2", "CS-3", "CS-4", "CS-10", "CS-11", "DES-1", "DES-2", "DES-3", "HR-1", "HR-3", "LOG-2", "LOG-7", "LOG-12", "DISC-1", "DISC-2"] {
            #expect(PolicyCatalog.items.contains { $0.rule == rule }, "\(rule) has no policy item")
        }
    }

    @Test("the HR-1 late shift ends at 24:00 as start plus 8 hours")
    func lateShift() throws {
        let late = PolicyCatalog.item("HR-1.shift.cs-late")!.defaultValue
        #expect(late == .shift(start: 16 * 60, minutes: 8 * 60))
        #expect(late.description == "16:00-24:00")
        #expect(try PolicyValue.parse("22:00-06:00", as: .shift) == .shift(start: 22 * 60, minutes: 8 * 60))
    }

    @Test("values by kind", arguments: [
        ("150", PolicyValue.Kind.money, PolicyValue.money(Money(yuan: 150))),
        ("8", .count, .count(8)), ("5天", .days, .days(5)), ("250%", .percent, .percent(250)), ("16:30", .timeOfDay, .timeOfDay(990)),
    ])
    func values(text: String, kind: PolicyValue.Kind, value: PolicyValue) throws {
        #expect(try PolicyValue.parse(text, as: kind) == value)
    }

    @Test("bad values are refused", arguments: [("ten", PolicyValue.Kind.count), ("-1", .count), ("25:00", .timeOfDay), ("8:00-8:00", .shift), ("1.2.3", .money)])
    func badValues(text: String, kind: PolicyValue.Kind) {
        #expect(throws: PolicyError.self) { try PolicyValue.parse(text, as: kind) }
    }

    @Test("a change applies from its day on; earlier days keep the old value")
    func effectiveDates() {
        let item = PolicyCatalog.item("CS-10.low-stock")!
        let policy = Policy(defaultsFrom: CivilDate("2026-01-01")!, changes: [
            .init(key: item.id, value: .count(8), effectiveFrom: CivilDate("2026-12-01")!),
            .init(key: item.id, value: .count(5), effectiveFrom: CivilDate("2027-03-01")!),
        ])
        #expect(policy.value(of: item, on: CivilDate("2026-11-30")!).value == .count(10))
        #expect(policy.value(of: item, on: CivilDate("2026-11-30")!).since == CivilDate("2026-01-01"))
        #expect(policy.value(of: item, on: CivilDate("2026-12-01")!).value == .count(8))
        #expect(policy.value(of: item, on: CivilDate("2027-06-01")!).value == .count(5))
        #expect(policy.upcoming(of: item, after: CivilDate("2026-11-30")!)?.value == .count(8))
    }

    @Test("validation: known key, right kind, not in the past")
    func validation() throws {
        let today = CivilDate("2026-11-30")!
        #expect(try Policy.validate(key: "LOG-2.fine", value: "150", from: today, today: today).value == "150.00")
        #expect(throws: PolicyError.unknownKey("LOG-99")) { try Policy.validate(key: "LOG-99", value: "1", from: today, today: today) }
        #expect(throws: PolicyError.self) { try Policy.validate(key: "LOG-2.fine", value: "lots", from: today, today: today) }
        #expect(throws: PolicyError.pastDate(CivilDate("2026-11-01")!, today: today)) {
            try Policy.validate(key: "LOG-2.fine", value: "150", from: CivilDate("2026-11-01")!, today: today)
        }
    }
}

@Suite("Staff and roles (ORG-1)")
struct StaffTests {
    @Test("roles parse from codes and Chinese titles, deduplicated and ordered")
    func roles() throws {
        #expect(try Staff.parseRoles("shipper,finance") == [.shipper, .finance])
        #expect(try Staff.parseRoles("客服，发货、shipper") == [.csAgent, .shipper])
        #expect(throws: StaffError.unknownRole("boss")) { try Staff.parseRoles("boss") }
        #expect(throws: StaffError.noRole) { try Staff.parseRoles(" , ") }
    }

    @Test("the GM may do everything; an agent may not manage staff (ORG-3)")
    func permissions() {
        let gm = Staff(id: StaffID(rawValue: "1"), name: "黄乔", roles: [.gm])
        let agent = Staff(id: StaffID(rawValue: "2"), name: "刘芬", roles: [.csAgent, .csLead])
        #expect(Permission.allCases.allSatisfy(gm.may))
        #expect(!agent.may(.manageStaff))
        var former = gm
        former.active = false
        #expect(!former.may(.setPolicy))
    }

    @Test("names are trimmed and checked")
    func names() throws {
        #expect(try Staff.validateName("  周小雨 ") == "周小雨")
        #expect(throws: StaffError.emptyName) { try Staff.validateName("　") }
        #expect(throws: StaffError.self) { try Staff.validateName(String(repeating: "长", count: 33)) }
    }
}
