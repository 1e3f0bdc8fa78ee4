import ShopDomain

/// A report whose data lives in a module still being built (customer care's CS daily report,
/// a campaign's statement, the fine fund): it names each part and says plainly which have no
/// data yet, rather than failing.
public struct PendingReport: Sendable, Equatable, Codable {
    public struct Part: Sendable, Equatable, Codable {
        public var key: String
        public var zh: String
        public var en: String
        /// false: the module that keeps this is not part of this program yet.
        public var available: Bool
    }

    public var report: String
    public var period: ReportPeriod
    public var subject: String?
    public var parts: [Part]

    /// CS-12, CS-9: the CS daily report, once customer care lands.
    public static func cs(_ period: ReportPeriod) -> PendingReport {
        PendingReport(report: "cs", period: period, subject: nil, parts: [
            Part(key: "inquiries", zh: "咨询量与转化", en: "inquiries and conversion", available: false),
            Part(key: "complaints", zh: "投诉", en: "complaints", available: false),
            Part(key: "returns", zh: "退换货", en: "returns and exchanges", available: false),
            Part(key: "reviews", zh: "评价", en: "reviews", available: false),
        ])
    }

    /// CAMP-3: a campaign's statement, once approvals land.
    public static func campaign(_ id: String, _ period: ReportPeriod) -> PendingReport {
        PendingReport(report: "campaign", period: period, subject: id, parts: [
            Part(key: "campaign", zh: "活动信息与价格", en: "the campaign and its prices", available: false),
            Part(key: "pnl", zh: "活动收支", en: "the campaign's profit and loss", available: false),
        ])
    }

    /// DISC-4: the fine fund, once Workforce keeps it.
    public static func fund(_ period: ReportPeriod) -> PendingReport {
        PendingReport(report: "fund", period: period, subject: nil, parts: [
            Part(key: "fund", zh: "部门基金收支", en: "the department fund's entries", available: false),
        ])
    }

    public func document(in l: Language) -> ReportDocument {
        let title = switch report {
        case "cs": l.pick(zh: "客服日报", en: "CS daily report")
        case "campaign": l.pick(zh: "活动报表 \(subject ?? "")", en: "Campaign report \(subject ?? "")")
        default: l.pick(zh: "部门基金报表", en: "Fund report")
        }
        let notes = parts.filter { !$0.available }.map {
            l.pick(zh: "\($0.zh)：暂无数据（相应模块尚未接入）。", en: "\($0.en): no data yet (its module is not wired in yet).")
        }
        return ReportDocument(title: title, subtitle: period.label, notes: notes)
    }
}
