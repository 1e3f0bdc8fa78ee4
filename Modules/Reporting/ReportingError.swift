import ShopDomain

/// What reports and the sales target refuse, in words a person can act on.
public enum ReportingError: Error, Equatable, Sendable {
    case badPeriod(String)
    case severalPeriods
    case futurePeriod(String)
    case badMonth(String)
    case notPositive(String)
    case unknownCampaign(String)
    case nothingDue(name: String, report: String)
    case unwritable(String)
    case fileNeedsMonth(String)
}

extension ReportingError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .badPeriod(let text):
            language.pick(zh: "看不懂期间“\(text)”：日期写 2026-11-30，周写 2026-W49，月写 2026-11",
                          en: "cannot read the period “\(text)”: a day is 2026-11-30, a week 2026-W49, a month 2026-11")
        case .severalPeriods:
            language.pick(zh: "--date、--week、--month 只能选一个", en: "give only one of --date, --week and --month")
        case .futurePeriod(let label):
            language.pick(zh: "\(label) 还没开始，没有数据可报", en: "\(label) has not begun: there is nothing to report yet")
        case .badMonth(let text):
            language.pick(zh: "看不懂月份“\(text)”：请写成 2026-11", en: "cannot read the month “\(text)”: write it as 2026-11")
        case .notPositive(let text):
            language.pick(zh: "目标金额必须大于 0（收到 \(text)）", en: "the target must be more than 0 (got \(text))")
        case .unknownCampaign(let id):
            language.pick(zh: "没有活动“\(id)”：用 zhanggui campaign list 查看", en: "no campaign “\(id)”: see zhanggui campaign list")
        case .nothingDue(let name, let report):
            language.pick(zh: "\(name) 不欠\(report)（ORG-2）：这份报表不能作为本人的应交报告提交",
                          en: "\(name) owes no \(report) (ORG-2): this report cannot be filed as one of their due reports")
        case .fileNeedsMonth(let label):
            language.pick(zh: "应交的报表按月交：请用 --month（收到 \(label)）", en: "due reports are monthly: use --month (got \(label))")
        case .unwritable(let path):
            language.pick(zh: "无法写入文件 \(path)", en: "cannot write the file \(path)")
        }
    }
}
