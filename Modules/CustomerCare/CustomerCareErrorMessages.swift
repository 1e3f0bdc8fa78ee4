import ShopDomain

extension CustomerCareError: ShopError {
    public func message(in language: Language) -> String {
        let (zh, en) = texts
        return language.pick(zh: zh, en: en)
    }

    private var texts: (String, String) {
        switch self {
        case .unknownBuyer(let nick):
            ("没有买家“\(nick)”的订单：先导入订单（zhanggui order import），或用 zhanggui customer list 查找",
             "no orders from a buyer “\(nick)”: import the orders first (zhanggui order import), or look with zhanggui customer list")
        case .unknownOrder(let order):
            ("没有订单 \(order)：先导入订单，或用 zhanggui order list 查找", "there is no order \(order): import it first, or look with zhanggui order list")
        case .emptyText(let what):
            // `what` is written "评价内容 / review text": each language its own half.
            ("\(what.components(separatedBy: " / ").first ?? what)不能为空：请写上内容",
             "the \(what.components(separatedBy: " / ").last ?? what) must not be empty: write it")
        case .unknownReview(let id):
            ("没有评价 \(id)：用 zhanggui review list 查看", "there is no review \(id): see zhanggui review list")
        case .reviewExists(let id):
            ("评价 \(id) 已登记", "review \(id) is already registered")
        case .reviewHandled(let id):
            ("评价 \(id) 已处理过：同一评价只处理一次（另一台设备的处理请在 zhanggui conflict 中裁决）",
             "review \(id) was already handled: a review is handled once (another device's handling is settled in zhanggui conflict)")
        case .badCompensation:
            ("补偿金额不能为负", "the compensation cannot be negative")
        case .overRefundLimit(let amount, let limit):
            ("CS-4：补偿 \(amount) 元超过上限 \(limit) 元，需总经理处理（以总经理身份 --as 操作，或降低金额）",
             "CS-4: a refund of \(amount) is above the limit of \(limit) and needs the GM (act --as the GM, or refund less)")
        case .maliciousNeedsReport:
            ("恶意差评须记录为已投诉到平台（--outcome reported）", "a malicious review is recorded as reported to the platform (--outcome reported)")
        case .unknownComplaint(let id):
            ("没有投诉 \(id)：用 zhanggui complaint list 查看", "there is no complaint \(id): see zhanggui complaint list")
        case .complaintExists(let id):
            ("投诉 \(id) 已登记", "complaint \(id) is already registered")
        case .complaintClosed(let id):
            ("投诉 \(id) 已归档，不能再推进", "complaint \(id) is archived and cannot move on")
        case .stepMoved(let id, let current, let seen):
            ("投诉 \(id) 已不在“\(seen.name(in: .zh))”，现在是“\(current.name(in: .zh))”（别人已推进）：用 zhanggui complaint show 查看",
             "complaint \(id) is no longer at “\(seen.name(in: .en))” but at “\(current.name(in: .en))” (someone moved it): see zhanggui complaint show")
        case .stepOutOfOrder(let id, let current, let next, let asked):
            ("CS-7：投诉 \(id) 在“\(current.name(in: .zh))”，下一步是“\(next?.name(in: .zh) ?? "—")”，不能跳到“\(asked.name(in: .zh))”",
             "CS-7: complaint \(id) is at “\(current.name(in: .en))”; the next step is “\(next?.name(in: .en) ?? "—")”, not “\(asked.name(in: .en))”")
        case .kindRequired(let id):
            ("定性投诉 \(id) 须给出类别：--kind service|product|logistics|warehouse",
             "determining complaint \(id) needs its kind: --kind service|product|logistics|warehouse")
        case .againstRequired(let id):
            ("投诉 \(id) 成立：须写明责任人（--against 员工）", "complaint \(id) upheld: name the person responsible (--against STAFF)")
        case .upheldRequired(let id):
            ("确认投诉 \(id) 的结果：写 --upheld 或 --not-upheld", "confirming complaint \(id): say --upheld or --not-upheld")
        case .kindMismatch(let id):
            ("投诉 \(id) 的类别已变：重新查看后再确认", "complaint \(id)'s kind has changed: look again before confirming")
        case .fineOnlyForWarehouse(let id):
            ("只有仓库原因的投诉才由主管定罚款（投诉 \(id)）；服务投诉按 DISC-1 自动计罚",
             "only a warehouse-caused complaint gets a fine the manager decides (complaint \(id)); service complaints follow DISC-1")
        case .fineNeedsManager(let id):
            ("DISC-3：投诉 \(id) 的罚款由主管决定：请主管操作", "DISC-3: the fine on complaint \(id) is the manager's decision: ask a manager")
        case .evaluationRequired(let id):
            ("CS-7：回访投诉 \(id) 须记录顾客评价（--evaluation）", "CS-7: the return visit on complaint \(id) records the customer's evaluation (--evaluation)")
        case .inquiryExists(let id):
            ("咨询 \(id) 已登记", "inquiry \(id) is already logged")
        case .unknownInquiry(let id):
            ("没有咨询 \(id)", "there is no inquiry \(id)")
        case .unknownReason(let reason, let known):
            ("未成交原因“\(reason)”不在清单里：可选 \(known.joined(separator: "、"))，或先 zhanggui inquiry reason-add",
             "“\(reason)” is not on the list of reasons: choose one of \(known.joined(separator: ", ")), or add it with zhanggui inquiry reason-add")
        case .reasonExists(let reason):
            ("原因“\(reason)”已在清单里", "“\(reason)” is already on the list")
        case .notAwaitingPayment(let order):
            ("订单 \(order) 不是未付款订单，无需跟进", "order \(order) is not awaiting payment: nothing to follow up")
        case .replyExists(let id):
            ("话术 \(id) 已存在", "canned reply \(id) already exists")
        case .alreadyTold(let order):
            ("订单 \(order) 已确认提醒过先验货再签收", "order \(order) is already confirmed as told to inspect before signing")
        case .toldMismatch(let order):
            ("订单 \(order) 的验货提醒记录已变：重新查看后再登记", "order \(order)'s inspection notice has changed: look again before recording")
        case .unknownReturn(let id):
            ("没有退换货单 \(id)：用 zhanggui return list 查看", "there is no return \(id): see zhanggui return list")
        case .returnExists(let id):
            ("退换货单 \(id) 已存在", "return \(id) already exists")
        case .returnState(let id, let state, let expected):
            ("退换货单 \(id) 现在是“\(state)”，此操作要求“\(expected)”", "return \(id) is “\(state)”; this needs it “\(expected)”")
        case .badQuantity(let quantity):
            ("数量 \(quantity) 无效：须为正整数", "quantity \(quantity) is not valid: a positive whole number")
        case .notOnOrder(let sku, let order):
            ("订单 \(order) 上没有 \(sku)，或没有这么多件：用 zhanggui order show \(order) 查看买了什么",
             "order \(order) has no \(sku), or not that many: see what was bought with zhanggui order show \(order)")
        case .buyerNotOnOrder(let buyer, let order, let actual):
            ("订单 \(order) 的买家是 \(actual)，不是 \(buyer)：只给 --order，或换成该买家的订单",
             "order \(order) is \(actual)'s, not \(buyer)'s: give only --order, or that buyer's order")
        case .receivedMismatch(let id):
            ("退换货单 \(id)：验收的件数与退回的件数不符", "return \(id): the units inspected do not add up to the units returned")
        }
    }
}
