import Testing
@testable import ShopDomain

/// Issue 19: every number entering the shop is a whole number within a named limit.
@Suite("Whole numbers and amounts within the input limits")
struct InputLimitsTests {
    @Test("whole numbers as people write them", arguments: [
        ("12", 12), ("+3", 3), ("-2", -2), ("１２", 12), ("0007", 7), (" 5 ", 5), ("－４", -4), ("100000", 100_000), ("-100000", -100_000),
    ])
    func parses(text: String, value: Int) throws {
        #expect(try WholeNumber.parse(text, "--by", range: -InputLimits.quantity...InputLimits.quantity) == value)
    }

    @Test("not a whole number", arguments: ["1e9", "١٢", "1.5", "0x10", "", "+", "-", "abc", "12a", "1 000", "∞", "--5"])
    func notWhole(text: String) {
        #expect(throws: InputError.notWhole(name: "--quantity", text: text.trimmingWhitespace())) {
            try WholeNumber.quantity(text, "--quantity")
        }
    }

    @Test("beyond the limit, however many digits", arguments: [
        "100001", "9223372036854775807", "9223372036854775808", String(repeating: "9", count: 400), "+9223372036854775000",
    ])
    func tooLarge(text: String) {
        #expect(throws: InputError.tooLarge(name: "--by", text: text, limit: InputLimits.quantity)) {
            try WholeNumber.parse(text, "--by", range: -InputLimits.quantity...InputLimits.quantity)
        }
        #expect(InputError.tooLarge(name: "--by", text: text, limit: InputLimits.quantity).message(in: .en).contains("100,000"))
    }

    @Test("below the limit, negative or not positive")
    func belowTheLimit() {
        #expect(throws: InputError.tooSmall(name: "--by", text: "-9223372036854775808", limit: -InputLimits.quantity)) {
            try WholeNumber.parse("-9223372036854775808", "--by", range: -InputLimits.quantity...InputLimits.quantity)
        }
        #expect(throws: InputError.notPositive(name: "--quantity", text: "-5")) { try WholeNumber.quantity("-5", "--quantity") }
        #expect(throws: InputError.notPositive(name: "--quantity", text: "0")) { try WholeNumber.quantity("0", "--quantity") }
        #expect(throws: InputError.negative(name: "--accepted", text: "-1")) { try WholeNumber.quantity("-1", "--accepted", allowZero: true) }
        #expect(throws: InputError.notPositive(name: "--quantity", text: String(repeating: "-9", count: 1))) { try WholeNumber.quantity("-9", "--quantity") }
        #expect(InputError.notPositive(name: "--quantity", text: "-5").message(in: .en).contains("must be a positive whole number"))
        #expect(InputError.notPositive(name: "--quantity", text: "-5").message(in: .zh).contains("正整数"))
    }

    @Test("payload checks bound what a device sends")
    func payloadChecks() throws {
        try InputLimits.check(quantity: InputLimits.quantity, "quantity")
        #expect(throws: InputError.self) { try InputLimits.check(quantity: Int.max, "quantity") }
        #expect(throws: InputError.self) { try InputLimits.check(delta: Int.min, "delta") }
        #expect(throws: InputError.self) { try InputLimits.check(quantity: 0, "quantity", positive: true) }
        try InputLimits.check(money: InputLimits.money, "price")
        #expect(throws: InputError.self) { try InputLimits.check(money: Money(fen: Int64.max), "price") }
        #expect(throws: InputError.self) { try InputLimits.check(money: Money(fen: -1), "price") }
        try InputLimits.check(money: Money(fen: -1), "refund", allowNegative: true)
        #expect(throws: InputError.self) { try InputLimits.check(money: Money(fen: Int64.min), "refund", allowNegative: true) }
    }

    @Test("weights in kilograms to grams, at most 100 kg")
    func weights() throws {
        #expect(try WholeNumber.grams(kg: "1.2", "--kg") == 1200)
        #expect(try WholeNumber.grams(kg: "0.35", "--kg") == 350)
        #expect(try WholeNumber.grams(kg: "100", "--kg") == 100_000)
        #expect(throws: InputError.self) { try WholeNumber.grams(kg: "100.001", "--kg") }
        #expect(throws: InputError.self) { try WholeNumber.grams(kg: "1e3", "--kg") }
        #expect(throws: InputError.self) { try WholeNumber.grams(kg: "-1", "--kg") }
        #expect(throws: InputError.self) { try WholeNumber.grams(kg: "0", "--kg") }
        #expect(throws: InputError.self) { try WholeNumber.grams(kg: String(repeating: "9", count: 40), "--kg") }
    }

    @Test("an amount is at most ¥1,000,000.00, by either parse")
    func money() throws {
        #expect(try Money.parse("1000000").fen == 100_000_000)
        #expect(try Money.parse("¥1,000,000.00").fen == 100_000_000)
        for text in ["1000000.01", "999999999999999", "¥9,999,999.00", "１０００００００"] {
            #expect(throws: MoneyError.tooLarge(text)) { try Money.parse(text) }
        }
        #expect(MoneyError.tooLarge("x").message(in: .en).contains("1000000.00"))
    }

    @Test("a negative policy value says it is negative; a huge one names the limit")
    func policy() {
        #expect(throws: PolicyError.negativeValue("-8", .count)) { try PolicyValue.parse("-8", as: .count) }
        #expect(throws: PolicyError.negativeValue("-89", .money)) { try PolicyValue.parse("-89", as: .money) }
        #expect(throws: PolicyError.tooLarge("999999999999", .days)) { try PolicyValue.parse("999999999999", as: .days) }
        #expect(throws: PolicyError.tooLarge("99999999", .money)) { try PolicyValue.parse("99999999", as: .money) }
        #expect(PolicyError.negativeValue("-8", .count).message(in: .en).contains("negative"))
    }
}
