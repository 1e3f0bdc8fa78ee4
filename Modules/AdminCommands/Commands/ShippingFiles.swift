import Foundation
import Interchange
import Logistics
import ShopDomain

/// The CSV files the shipping commands write (UTF-8 with BOM, so Excel on a Chinese PC opens them).
enum ShippingFile {
    /// LOG-3: the platform's bulk-shipping upload: order, courier, waybill.
    static func write(_ rows: [WaybillRow], to path: String) throws {
        let writer = try CSVWriter(path: path)
        try writer.write(["订单编号", "物流公司", "运单号"])
        for row in rows { try writer.write([row.order, Courier(code: row.courier).chineseName, row.waybill]) }
        try writer.close()
    }
}

enum ReconcileFile {
    /// LOG-11: every line of the reconciliation, then the deductions and the totals.
    static func write(_ report: Reconciliation, to path: String) throws {
        let writer = try CSVWriter(path: path)
        try writer.write(["核对", "快递单号", "对账单行", "计费重量(g)", "重量来源", "对账单重量(g)", "应付", "协议价", "首重", "续重公斤数", "续重单价", "差额", "交接日"])
        for line in report.lines {
            try writer.write([line.kind.rawValue, line.waybill, line.statementLine.map(String.init) ?? "", line.grams.map(String.init) ?? "",
                              line.weightFrom ?? "", line.statementGrams.map(String.init) ?? "",
                              line.charged?.description ?? "", line.expected?.description ?? "", line.rate?.firstKg.description ?? "",
                              line.rate.map { String($0.extraKilograms) } ?? "", line.rate?.extraKg.description ?? "",
                              line.difference?.description ?? "", line.handedOn ?? ""])
        }
        for d in report.deductions { try writer.write([d.reason, d.waybill, "", "", "", "", "", "", "", "", "", "-" + d.amount.description, ""]) }
        for (name, amount) in [("对账单合计", report.statementTotal), ("非我方", report.notOursTotal), ("非本月", report.otherMonthTotal),
                               ("多收", report.overcharged), ("扣款", report.deductionsTotal), ("扣款超出", report.deductionsUncovered),
                               ("应付", report.payable)] {
            try writer.write([name, "", "", "", "", "", amount.description, "", "", "", "", "", ""])
        }
        try writer.close()
    }
}
