/// One amount, threshold or period of the shop's rules, with the rule it comes from.
public struct PolicyItem: Sendable, Identifiable {
    /// Stable key: `LOG-2.fine`.
    public let id: String
    /// The rule in REQUIREMENTS.md: `LOG-2`.
    public let rule: String
    public let zh: String
    public let en: String
    public let defaultValue: PolicyValue

    public var kind: PolicyValue.Kind { defaultValue.kind }

    public func describe(in language: Language) -> String {
        language.pick(zh: zh, en: en)
    }
}

/// Every amount, threshold and period of REQUIREMENTS.md, as policy defaults the shop can change.
public enum PolicyCatalog {
    public static let items: [PolicyItem] = [
        // CAMP: campaign page errors
        item("CAMP-2.fine.unsigned.gm", "CAMP-2", "未签字上线出错：总经理罚款", "unsigned page error: GM's fine", .money(Money(yuan: 500))),
        item("CAMP-2.fine.unsigned.lead", "CAMP-2", "未签字上线出错：主管罚款", "unsigned page error: lead's fine", .money(Money(yuan: 300))),
        item("CAMP-2.fine.unsigned.sales", "CAMP-2", "未签字上线出错：销售罚款", "unsigned page error: sales' fine", .money(Money(yuan: 100))),
        item("CAMP-2.fine.unsigned.designer", "CAMP-2", "未签字上线出错：美工罚款", "unsigned page error: designer's fine", .money(Money(yuan: 100))),
        item("CAMP-2.fine.missed-review", "CAMP-2", "已签字但审校漏错：每位审校人罚款", "signed page error missed in review: fine per reviewer", .money(Money(yuan: 100))),
        item("CAMP-3.platform-fee", "CAMP-3", "活动平台服务费率（申报未写费率时）", "platform fee on campaign sales (when the declaration names none)", .percent(0)),
        // CS: customer care
        item("CS-3.fine", "CS-3", "未提醒先验货再签收：罚款", "customer not told to inspect before signing: fine", .money(Money(yuan: 100))),
        item("CS-4.refund-limit", "CS-4", "改评价补偿上限（超出需总经理）", "review refund limit (above needs the GM)", .money(Money(yuan: 50))),
        item("CS-9.conversion-days", "CS-9", "咨询后多少天内同一买家付款即算成交", "an inquiry converts when the buyer pays within", .days(3)),
        item("CS-10.low-stock", "CS-10", "在售库存低于此数即提醒", "on-sale stock below this raises an alert", .count(10)),
        item("CS-11.picking-start", "CS-11", "每日配货打包开始时间", "daily picking and packing start", .timeOfDay(16 * 60)),
        // DES: listing
        item("DES-1.listing-days", "DES-1", "新品到货后上架期限", "new goods on sale within", .days(3)),
        item("DES-2.main-image-width", "DES-2", "主图宽度", "main image width", .pixels(710)),
        item("DES-3.detail-images", "DES-3", "每款至少卖点细节图", "selling-point detail images per product, at least", .count(5)),
        item("DES-7.sold-out-days", "DES-7", "某颜色或尺码售罄多久后须在图上标注", "a colour or size sold out this long is annotated on its image", .days(7)),
        // HR: shifts and leave
        item("HR-1.shift.cs-early", "HR-1", "客服早班", "CS early shift", .shift(start: 8 * 60, minutes: 9 * 60)),
        item("HR-1.shift.cs-late", "HR-1", "客服晚班", "CS late shift", .shift(start: 16 * 60, minutes: 8 * 60)),
        item("HR-1.shift.ops-day", "HR-1", "运营白班", "operations day shift", .shift(start: 9 * 60, minutes: 9 * 60)),
        item("HR-1.shift.ops-night", "HR-1", "运营晚班", "operations night shift", .shift(start: 13 * 60 + 30, minutes: 9 * 60 + 30)),
        item("HR-1.shift.warehouse", "HR-1", "仓库班", "warehouse shift", .shift(start: 8 * 60, minutes: 9 * 60 + 30)),
        item("HR-1.days-on", "HR-1", "连续上班天数（之后休一天）", "days on before a day off", .days(6)),
        item("HR-3.leave.marriage", "HR-3", "婚假", "marriage leave", .days(3)),
        item("HR-3.leave.late-marriage-extra", "HR-3", "晚婚加假", "late marriage extra leave", .days(10)),
        item("HR-3.late-marriage-age.m", "HR-3", "晚婚年龄（男）", "late marriage age (man)", .years(25)),
        item("HR-3.late-marriage-age.f", "HR-3", "晚婚年龄（女）", "late marriage age (woman)", .years(23)),
        item("HR-3.leave.bereavement", "HR-3", "丧假（父母、配偶、子女）", "bereavement leave (parent, spouse, child)", .days(3)),
        item("HR-3.leave.in-law-bereavement", "HR-3", "配偶父母丧假上限（需总经理批准）", "spouse's parent bereavement, at most (GM approves)", .days(3)),
        item("HR-3.leave.annual", "HR-3", "每年年假天数", "annual leave days a year", .days(5)),
        item("HR-6.training-days", "HR-6", "新员工带教签字期限", "new staff's training signed off within", .days(30)),
        item("HR-3.unused-annual-leave-pay", "HR-3", "未休年假按日工资支付比例", "unused annual leave paid at, of the daily wage", .percent(300)),
        // WH: warehouse
        item("WH-10.low-supplies", "WH-10", "包装耗材低于此数即提醒", "packing supplies below this raise an alert", .count(20)),
        item("WH-6.reorder-days", "WH-6", "补货建议覆盖天数", "reorder suggestions cover this many days", .days(30)),
        // LOG: logistics
        item("LOG-2.fine", "LOG-2", "漏打或重打快递单：每单罚款", "waybill missed or printed twice: fine per order", .money(Money(yuan: 100))),
        item("LOG-7.stub-archive-days", "LOG-7", "底单归档期限", "stubs archived after", .days(15)),
        item("LOG-12.fine.misship", "LOG-12", "错发、漏发、多发：每单罚款", "wrong, missing or extra items: fine per order", .money(Money(yuan: 100))),
        item("LOG-12.fine.packing-damage", "LOG-12", "打包造成损坏：罚款", "damage from packing: fine", .money(Money(yuan: 100))),
        // DISC: fines
        item("DISC-1.complaint.first", "DISC-1", "当月第一次服务投诉罚款", "first service complaint in a month: fine", .money(Money(yuan: 50))),
        item("DISC-1.complaint.second", "DISC-1", "当月第二次服务投诉罚款", "second service complaint in a month: fine", .money(Money(yuan: 100))),
        item("DISC-1.complaint.dismissal", "DISC-1", "当月第几次投诉自动辞退", "complaints in a month that mean dismissal", .count(3)),
        item("DISC-2.fine", "DISC-2", "工作时间做无关事、桌面不洁、泄露同事联系方式：每次罚款", "non-work activity, dusty desk, leaked contacts: fine each", .money(Money(yuan: 10))),
    ]

    public static func item(_ key: String) -> PolicyItem? {
        items.first { $0.id == key }
    }

    private static func item(_ id: String, _ rule: String, _ zh: String, _ en: String, _ value: PolicyValue) -> PolicyItem {
        PolicyItem(id: id, rule: rule, zh: zh, en: en, defaultValue: value)
    }
}

/// The values in force: catalogue defaults, overridden from given days on.
public struct Policy: Sendable {
    /// A change: `key` has `value` from `effectiveFrom` on.
    public struct Change: Sendable, Equatable {
        public var key: String
        public var value: PolicyValue
        public var effectiveFrom: CivilDate

        public init(key: String, value: PolicyValue, effectiveFrom: CivilDate) {
            self.key = key
            self.value = value
            self.effectiveFrom = effectiveFrom
        }
    }

    /// The day the defaults took effect (the shop's creation day).
    public let defaultsFrom: CivilDate
    private let changes: [String: [Change]]

    public init(defaultsFrom: CivilDate, changes: [Change]) {
        self.defaultsFrom = defaultsFrom
        self.changes = Dictionary(grouping: changes, by: \.key).mapValues { $0.sorted { $0.effectiveFrom < $1.effectiveFrom } }
    }

    /// The value of `item` in force on `day`, and the day it took effect.
    public func value(of item: PolicyItem, on day: CivilDate) -> (value: PolicyValue, since: CivilDate) {
        let inForce = changes[item.id, default: []].last { $0.effectiveFrom <= day }
        return inForce.map { ($0.value, $0.effectiveFrom) } ?? (item.defaultValue, defaultsFrom)
    }

    /// A change already scheduled for after `day`, if any.
    public func upcoming(of item: PolicyItem, after day: CivilDate) -> Change? {
        changes[item.id, default: []].first { $0.effectiveFrom > day }
    }

    /// Checks a change before it is recorded: a known key, a value of the right kind, not in the past.
    public static func validate(key: String, value: String, from day: CivilDate, today: CivilDate) throws(PolicyError) -> PolicySet {
        guard let item = PolicyCatalog.item(key) else { throw .unknownKey(key) }
        let parsed = try PolicyValue.parse(value, as: item.kind)
        guard day >= today else { throw .pastDate(day, today: today) }
        return PolicySet(key: key, value: parsed.description, effectiveFrom: day)
    }
}

public enum PolicyError: Error, Equatable, Sendable {
    case unknownKey(String)
    case badValue(String, PolicyValue.Kind)
    case negativeValue(String, PolicyValue.Kind)
    case tooLarge(String, PolicyValue.Kind)
    case pastDate(CivilDate, today: CivilDate)
}

extension PolicyError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownKey(let key):
            return language.pick(zh: "没有规章参数“\(key)”：用 zhanggui policy show 查看全部",
                                 en: "there is no policy item “\(key)”: see them all with zhanggui policy show")
        case .badValue(let text, let kind):
            let example: String = switch kind {
            case .money: "100.00"
            case .count, .days, .percent, .pixels, .years: "10"
            case .timeOfDay: "16:00"
            case .shift: "16:00-24:00"
            }
            return language.pick(zh: "“\(text)”不是有效的值：应写成 \(example) 这样的形式",
                                 en: "“\(text)” is not a valid value here: write it like \(example)")
        case .negativeValue(let text, let kind):
            return kind == .money
                ? language.pick(zh: "“\(text)”是负数：金额不能为负", en: "“\(text)” is negative: an amount cannot be negative")
                : language.pick(zh: "“\(text)”是负数：必须是 0 或正整数", en: "“\(text)” is negative: it must be 0 or a positive whole number")
        case .tooLarge(let text, let kind):
            return kind == .money
                ? language.pick(zh: "“\(text)”太大：一笔金额的上限是 \(InputLimits.money.withSign)",
                                en: "“\(text)” is too large: one amount may be at most \(InputLimits.money.withSign)")
                : language.pick(zh: "“\(text)”太大：上限是 \(InputError.grouped(InputLimits.quantity))",
                                en: "“\(text)” is too large: the limit is \(InputError.grouped(InputLimits.quantity))")
        case .pastDate(let day, let today):
            return language.pick(zh: "生效日期 \(day) 已经过去：历史保持当时的值，请从今天（\(today)）或以后生效",
                                 en: "the date \(day) has passed: history keeps the values of its time; choose today (\(today)) or later")
        }
    }
}
