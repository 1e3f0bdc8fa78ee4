import Foundation
import Testing
@testable import Interchange

@Suite struct FixtureTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil)!
    }

    @Test func theSellerCentreExportDecodesAsGB18030() throws {
        let (text, encoding) = try TextDecoding.read(Self.fixture("ExportOrderList_SYNTHETIC_gbk.csv"))
        #expect(encoding == .gb18030)
        #expect(text.hasPrefix("\"订单编号\""))
    }
}
