import ShopDomain

/// What fines, the fund, leave and training refuse (issue 14), in words a person can act on.
public enum PeopleError: Error, Equatable, Sendable {
    case unknownFinePolicy(String)
    case whatRequired
    case amountRequired(String)
    case notPositiveAmount(Money)
    case unknownFine(String)
    case alreadyWaived(String)
    case waiverNotGM
    case spendingNotGM
    case badReceipt(String)
    case fundTooSmall(asked: Money, holds: Money)
    case leaveForOther
    case overLimit(kind: LeaveKind, days: Int, limit: Int)
    case weddingDateRequired
    case relationRequired
    case unknownLeave(String)
    case ownLeave
    case inLawNeedsGM
    case leaveDecided(String, String)
    case ownTraining
    case noTraining
    case trainingSignedOff
    case notAway
    case receiptUnreadable(String)
    case fundBroken(entry: Int, removed: Bool)
    case badMonth(String)
}

extension PeopleError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknownFinePolicy(let key):
            language.pick(zh: "规章参数里没有罚款金额“\(key)”", en: "there is no fine amount “\(key)” among the policy items")
        case .whatRequired:
            language.pick(zh: "要写明做了什么：加上 --what", en: "say what happened: add --what")
        case .amountRequired(let rule):
            language.pick(zh: "规则 \(rule) 没有规定的罚款金额：加上 --amount", en: "rule \(rule) has no set fine: add --amount")
        case .notPositiveAmount(let money):
            language.pick(zh: "金额必须大于 0（给的是 \(money.withSign)）", en: "the amount must be above 0 (got \(money.withSign))")
        case .unknownFine(let key):
            language.pick(zh: "没有罚款 \(key)：用 zhanggui fine list 查看", en: "no fine \(key): see zhanggui fine list")
        case .alreadyWaived(let key):
            language.pick(zh: "罚款 \(key) 已经免除了", en: "the fine \(key) is already waived")
        case .waiverNotGM:
            language.pick(zh: "只有总经理可以免除罚款（ORG-3）", en: "only the GM waives a fine (ORG-3)")
        case .spendingNotGM:
            language.pick(zh: "部门基金的支出须总经理批准：请总经理记录（DISC-4）", en: "a spending from the fund needs the GM's approval: the GM records it (DISC-4)")
        case .badReceipt(let text):
            language.pick(zh: "“\(text)”不是收据照片的 SHA-256：用 --receipt 给出照片文件", en: "“\(text)” is not a receipt photo's SHA-256: give the photo file with --receipt")
        case .leaveForOther:
            language.pick(zh: "只有主管可以替别人请假", en: "only a supervisor writes a leave note for someone else")
        case .overLimit(let kind, let days, let limit):
            language.pick(zh: "\(kind.zh)最多 \(limit) 天，不能请 \(days) 天（HR-3）", en: "\(kind.rawValue) leave is at most \(limit) days here, not \(days) (HR-3)")
        case .weddingDateRequired:
            language.pick(zh: "婚假要写结婚日期：加上 --wedding 2026-12-20", en: "marriage leave needs the wedding date: add --wedding 2026-12-20")
        case .relationRequired:
            language.pick(zh: "丧假要写亲属关系：加上 --relation parent|spouse|child|spouse-parent",
                          en: "bereavement leave needs the relation: add --relation parent|spouse|child|spouse-parent")
        case .unknownLeave(let id):
            language.pick(zh: "没有请假单 \(id)：用 zhanggui leave list 查看", en: "no leave note \(id): see zhanggui leave list")
        case .ownLeave:
            language.pick(zh: "不能批准自己的请假（HR-4）：请另一位主管签字", en: "nobody approves their own leave (HR-4): ask another supervisor to sign")
        case .inLawNeedsGM:
            language.pick(zh: "配偶父母的丧假须总经理批准（HR-3）", en: "bereavement leave for a spouse's parent needs the GM's approval (HR-3)")
        case .leaveDecided(let id, let status):
            language.pick(zh: "请假单 \(id) 已经\(status == "approved" ? "批准" : "驳回")了", en: "the leave note \(id) is already \(status)")
        case .ownTraining:
            language.pick(zh: "不能给自己记带教或签字（HR-6）", en: "nobody records or signs off their own training (HR-6)")
        case .noTraining:
            language.pick(zh: "还没有带教记录：先用 zhanggui training record 记下", en: "no training recorded yet: record it first with zhanggui training record")
        case .trainingSignedOff:
            language.pick(zh: "带教已经签字了", en: "the training is already signed off")
        case .receiptUnreadable(let path):
            language.pick(zh: "读不到收据照片 \(path)", en: "cannot read the receipt photo \(path)")
        case .fundBroken(let entry, let removed):
            removed ? language.pick(zh: "基金账目第 \(entry) 条被删除了", en: "fund entry \(entry) was removed")
                : language.pick(zh: "基金账目第 \(entry) 条被改动了", en: "fund entry \(entry) was changed")
        case .badMonth(let text):
            language.pick(zh: "“\(text)”不是月份：应写成 2026-11", en: "“\(text)” is not a month: write it as 2026-11")
        case .notAway:
            language.pick(zh: "现在没有离岗：不用登记回岗", en: "not away from the post: nothing to return from")
        case .fundTooSmall(let asked, let holds):
            language.pick(zh: "基金只有 \(holds.withSign)，不能支出 \(asked.withSign)（DISC-4）", en: "the fund holds \(holds.withSign): it cannot spend \(asked.withSign) (DISC-4)")
        }
    }
}
