import ShopDomain
import Storage

/// A service complaint as a test stands in for CustomerCare's: it books DISC-1's escalating fine.
struct TestComplaint: FineBearing {
    static let kind = "test.complaint"
    static let version = 1
    var complaint: String
    var agent: StaffID
    var fixed: Money?

    var fineClaims: [FineClaim] {
        var claims = [FineClaim(staff: agent, rule: "DISC-1", amount: .monthlyEscalation, ref: complaint,
                                reasonZh: "服务投诉 \(complaint)", reasonEn: "service complaint \(complaint)")]
        if let fixed {
            claims.append(FineClaim(staff: agent, rule: "DISC-3", amount: .fixed(fixed), ref: complaint, reasonZh: "仓库投诉", reasonEn: "warehouse complaint"))
            claims.append(FineClaim(staff: agent, rule: "CS-3", amount: .policy("CS-3.fine"), ref: complaint, reasonZh: "未提醒验货", reasonEn: "no inspection reminder"))
        }
        return claims
    }
}

/// The feature that owns `test.complaint` (Workforce only follows it).
enum TestCare {
    static let feature = ShopFeature(name: "test-care", migrations: [], handlers: [
        OpHandler(TestComplaint.self, authorization: .anyStaff) { _, _, _ in },
    ], readTables: [])
}

/// A small seeded generator: the property tests' orders are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
