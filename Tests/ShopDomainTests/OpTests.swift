import Crypto
import Foundation
import Testing
@testable import ShopDomain

@Suite("The op envelope")
struct OpTests {
    let device = DeviceID(rawValue: "11111111-2222-3333-4444-555555555555")
    let actor = StaffID(rawValue: "aaaa")

    func op(_ seq: Int64, prev: String, name: String = "刘芬") -> Op {
        Op(draft: OpDraft(actor: actor, StaffAdded(staff: StaffID(rawValue: "s\(seq)"), name: name, roles: [.csAgent])),
           deviceID: device, deviceSeq: seq, hlc: HLC(wallMillis: 1_764_468_000_000 + seq), prevHash: prev)
    }

    @Test("the hash covers the canonical form and is stable")
    func hash() {
        let first = op(1, prev: Op.genesisHash)
        #expect(first.hash.count == 64)
        #expect(first.hasValidHash)
        #expect(first.hash == op(1, prev: Op.genesisHash).hash)
        #expect(first.hash != op(1, prev: Op.genesisHash, name: "刘芳").hash)
        #expect(first.canonicalForm.hasPrefix("zhanggui-op/1\n11111111-2222-3333-4444-555555555555\n1\n"))
        // The streamed hash is exactly SHA-256 over the documented canonical form.
        #expect(first.hash == SHA256.hash(data: Data(first.canonicalForm.utf8)).hexString)
    }

    @Test("the digest written without strings is SHA-256 over the canonical form, at the edges of every number")
    func digestEdges() {
        let hlcs = [HLC.zero, HLC(wallMillis: 1_764_468_000_000, counter: 12_345), HLC(wallMillis: Int64.max, counter: Int32.max),
                    HLC(wallMillis: -5, counter: 3), HLC(wallMillis: 7, counter: -1)]
        for hlc in hlcs {
            for (seq, version) in [(Int64(1), 1), (Int64.max, Int.max), (Int64.min, Int.min), (0, 0), (-10, 10)] {
                let op = Op(deviceID: device, deviceSeq: seq, hlc: hlc, actor: actor, kind: "stock.adjusted", version: version,
                            payload: #"{"reason":"基准 ✓\n","sku":"AF-1"}"#, prevHash: Op.genesisHash, hash: "")
                #expect(op.computedHash() == SHA256.hash(data: Data(op.canonicalForm.utf8)).hexString, "\(hlc) \(seq) \(version)")
            }
        }
        #expect(HLC(wallMillis: 1_764_468_000_000, counter: 3).description == "1764468000000.0003")
        #expect(HLC(wallMillis: -5, counter: 3).description == "-5.0003")
    }

    @Test("any edited field breaks the hash")
    func tamper() {
        var edited = op(1, prev: Op.genesisHash)
        edited.payload = edited.payload.replacingOccurrences(of: "刘芬", with: "刘芳")
        #expect(!edited.hasValidHash)
        var moved = op(1, prev: Op.genesisHash)
        moved.deviceSeq = 2
        #expect(!moved.hasValidHash)
    }

    @Test("payloads are canonical JSON with sorted keys")
    func canonical() {
        let draft = OpDraft(actor: actor, PolicySet(key: "LOG-2.fine", value: "100.00", effectiveFrom: CivilDate("2026-12-01")!))
        #expect(draft.payload == #"{"effectiveFrom":"2026-12-01","key":"LOG-2.fine","value":"100.00"}"#)
        #expect(draft.kind == "policy.set")
    }

    @Test("decoding checks kind and version")
    func decoding() throws {
        let staff = op(1, prev: Op.genesisHash)
        #expect(try staff.decode(StaffAdded.self).name == "刘芬")
        #expect(throws: PayloadError.self) { try staff.decode(PolicySet.self) }
        var newer = staff
        newer.version = 99
        #expect(throws: PayloadError.newerVersion(kind: "staff.added", version: 99, known: 1)) { try newer.decode(StaffAdded.self) }
    }
}

@Suite("Hybrid logical clock")
struct HLCTests {
    @Test("local ticks never go backwards, even when the wall clock does")
    func tick() {
        let a = HLC.tick(after: .zero, physicalMillis: 1000)
        #expect(a == HLC(wallMillis: 1000))
        let b = HLC.tick(after: a, physicalMillis: 1000)
        #expect(b == HLC(wallMillis: 1000, counter: 1))
        let c = HLC.tick(after: b, physicalMillis: 400)  // clock set back
        #expect(c > b)
        #expect(HLC.tick(after: c, physicalMillis: 2000) == HLC(wallMillis: 2000))
    }

    @Test("receiving moves past both clocks")
    func receive() {
        let local = HLC(wallMillis: 1000, counter: 3)
        let remote = HLC(wallMillis: 1000, counter: 7)
        #expect(HLC.receive(remote, after: local, physicalMillis: 900) == HLC(wallMillis: 1000, counter: 8))
        #expect(HLC.receive(HLC(wallMillis: 5000), after: local, physicalMillis: 900) == HLC(wallMillis: 5000, counter: 1))
        #expect(HLC.receive(remote, after: local, physicalMillis: 9000) == HLC(wallMillis: 9000))
    }

    @Test("text form round-trips and sorts")
    func text() {
        let hlc = HLC(wallMillis: 1_764_468_000_000, counter: 12)
        #expect(hlc.description == "1764468000000.0012")
        #expect(HLC(hlc.description) == hlc)
    }
}

@Suite("Clocks, days and zones")
struct TimeTests {
    @Test("a shop day is the day in the shop's zone, not UTC")
    func shopDay() throws {
        let zone = try ShopZone("Asia/Shanghai")
        let lateEvening = ShopClock.parseInstant("2026-11-30T16:30:00Z")!  // 00:30 on Dec 1 in Shanghai
        #expect(zone.day(of: lateEvening) == CivilDate("2026-12-01"))
        #expect(zone.format(lateEvening) == "2026-12-01 00:30")
        #expect(zone.start(of: CivilDate("2026-12-01")!) == ShopClock.parseInstant("2026-11-30T16:00:00Z"))
    }

    @Test("ZHANGGUI_NOW fixes the clock; a bad value is refused")
    func fixedClock() throws {
        let clock = try ShopClock.from(environment: ["ZHANGGUI_NOW": "2026-11-30T08:00:00+08:00"])
        #expect(clock.now() == ShopClock.parseInstant("2026-11-30T00:00:00Z"))
        #expect(throws: ClockError.self) { try ShopClock.from(environment: ["ZHANGGUI_NOW": "tomorrow"]) }
    }

    @Test("civil dates parse strictly", arguments: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1", "abcd-ef-gh", "2026-00-10"])
    func badDates(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("civil dates accept common forms")
    func goodDates() {
        #expect(CivilDate("2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate("2026/1/5")?.description == "2026-01-05")
        #expect(CivilDate("2026-11-30")! < CivilDate("2026-12-01")!)
    }

    @Test("unknown zones are refused")
    func zones() {
        #expect(throws: ZoneError.self) { try ShopZone("Mars/Olympus") }
    }
}
