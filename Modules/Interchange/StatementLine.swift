import ShopDomain

/// One line of a courier's monthly statement (对账单): a waybill the courier charges for (LOG-11).
public struct StatementLine: Sendable, Equatable, Codable {
    /// 运单号码 / 运单号 / 快递单号 / 工作单号 / 详情单号.
    public var waybill: String
    /// 计费重量 in grams (the statement's kilograms × 1000).
    public var weightGrams: Int?
    /// 应付金额: what the courier charges; negative for a deduction (lost, damaged, undelivered).
    public var amount: Money
    /// 寄件日期 as a civil date `yyyy-MM-dd`.
    public var date: String?
    /// 寄件地区 / 始发地.
    public var origin: String?
    /// 到件地区 / 目的地 / 收件地区.
    public var destination: String?
    /// 服务 / 产品类型.
    public var service: String?
    /// The line of the file the row starts on.
    public var line: Int

    public init(waybill: String, weightGrams: Int? = nil, amount: Money, date: String? = nil, origin: String? = nil,
                destination: String? = nil, service: String? = nil, line: Int) {
        self.waybill = waybill
        self.weightGrams = weightGrams
        self.amount = amount
        self.date = date
        self.origin = origin
        self.destination = destination
        self.service = service
        self.line = line
    }

    /// Kilograms as couriers write them — `1.2`, `1.2kg`, `0.5 KG`, `3公斤`, `3千克` — in grams;
    /// nil for anything else (more than three decimals, negative, not a number).
    public static func parseGrams(_ text: String) -> Int? {
        var body = text.trimmingWhitespace().lowercased()
        for unit in ["kg", "公斤", "千克"] where body.hasSuffix(unit) {
            body = String(body.dropLast(unit.count)).trimmingWhitespace()
            break
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 6,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitish) }),
              parts.count == 1 || (1...3).contains(parts[1].count),
              let kilograms = Int(parts[0])
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return kilograms * 1000 + Int(fraction.padding(toLength: 3, withPad: "0", startingAt: 0))!
    }
}
