import ShopDomain

/// What shifts and handover refuse, in words a person can act on.
public enum WorkforceError: Error, Equatable, Sendable {
    case alreadyOnShift(since: String)
    case notOnShift(String)
    case shiftMismatch
    case supervisorNeeded(String)
    case cannotApproveOwn
    case emptyText
    case reasonRequired
    case notPositive(Int)
    case unknownItem(String)
    case itemSettled(String)
    case ownItem(String)
    case unknownSwap(String)
    case swapNotYours
    case swapDone(String)
    case notRostered(name: String, day: String)
    case badWeek(String)
    case badPeriod(String)
    case noStaff
}

extension WorkforceError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .alreadyOnShift(let since):
            language.pick(zh: "已经在班上（\(since) 开始）：先 zhanggui shift end", en: "already on shift since \(since): end it first with zhanggui shift end")
        case .notOnShift(let name):
            language.pick(zh: "\(name) 现在不在班上：先 zhanggui shift start --as \(name)", en: "\(name) is not on shift: start one with zhanggui shift start --as \(name)")
        case .shiftMismatch:
            language.pick(zh: "这不是本人当前的班次", en: "that is not the person's current shift")
        case .supervisorNeeded(let name):
            language.pick(zh: "\(name) 不是主管，不能批准离岗（HR-4）：请客服主管、仓储主管、店长或总经理批准",
                          en: "\(name) is not a supervisor and cannot approve leaving the post (HR-4): ask a CS lead, warehouse lead, shop manager or the GM")
        case .cannotApproveOwn:
            language.pick(zh: "不能自己批准自己离岗", en: "nobody approves their own leave from the post")
        case .emptyText:
            language.pick(zh: "内容为空", en: "the text is empty")
        case .reasonRequired:
            language.pick(zh: "需要填写原因：加上 --reason", en: "a reason is required: add --reason")
        case .notPositive(let n):
            language.pick(zh: "时长必须大于 0（给的是 \(n)）", en: "the duration must be above 0 (got \(n))")
        case .unknownItem(let id):
            language.pick(zh: "交接本里没有 \(id)：用 zhanggui handover show 查看", en: "no handover item \(id): see zhanggui handover show")
        case .itemSettled(let id):
            language.pick(zh: "\(id) 已经被接手或关闭了", en: "\(id) has already been taken over or closed")
        case .ownItem(let id):
            language.pick(zh: "\(id) 是本班自己写的，不能自己接手：交给下一班，或用 handover close 关闭",
                          en: "\(id) was written in this very shift: hand it to the next one, or close it with handover close")
        case .unknownSwap(let id):
            language.pick(zh: "没有换班申请 \(id)", en: "no swap request \(id)")
        case .swapNotYours:
            language.pick(zh: "这个换班申请不是发给你的", en: "this swap request is not addressed to you")
        case .swapDone(let id):
            language.pick(zh: "换班申请 \(id) 已经处理过了", en: "the swap request \(id) is already settled")
        case .notRostered(let name, let day):
            language.pick(zh: "\(name) 在 \(day) 没有排班：先排班（zhanggui roster plan）", en: "\(name) has nothing on the rota for \(day): plan the week first (zhanggui roster plan)")
        case .badWeek(let text):
            language.pick(zh: "“\(text)”不是周：应写成 2026-W49", en: "“\(text)” is not a week: write it as 2026-W49")
        case .badPeriod(let text):
            language.pick(zh: "“\(text)”不是周或月：应写成 2026-W49 或 2026-11", en: "“\(text)” is not a week or month: write 2026-W49 or 2026-11")
        case .noStaff:
            language.pick(zh: "没有在职员工可排班", en: "there is no active staff to plan")
        }
    }
}
