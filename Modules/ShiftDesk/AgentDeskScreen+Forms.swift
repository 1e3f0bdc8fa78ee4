import CustomerCare
import Foundation
import ShopActions
import ShopDomain
import Storage
import TerminalUI

/// The agent desk's forms — a follow-up (CS-5), a review's handling (CS-4), a complaint's next
/// step (CS-7), an inquiry (CS-9) — and the parsing of their fields: one status line when refused.
extension AgentDeskScreen {
    // MARK: - The forms

    /// CS-5: `zhanggui inquiry followup ORDER NOTE`.
    func openFollowUp(_ order: String, _ ctx: DeskContext) {
        open(DeskForm(title: ctx.t("跟进未付款订单 \(order)（CS-5）", "Follow up unpaid order \(order) (CS-5)"), signs: false,
                      fields: [field(ctx.t("跟进：", "Follow-up: "))])) { [ctx] f in
            guard let me = ctx.me else { throw StorageError.noActor }
            try ctx.session.followUpOrder(order, note: f.raw(0), as: me)
            return Status(ctx.t("已记录订单 \(order) 的跟进", "Follow-up recorded on order \(order)"), .ok)
        }
    }

    /// CS-4: `zhanggui review handle ID --outcome … [--contacted] --refund … [--malicious]`, signed.
    func openReview(_ id: String, _ ctx: DeskContext) throws {
        let review = try ctx.read { db in try ReviewQueries.find(db, id) }
        guard !review.handled else { throw CustomerCareError.reviewHandled(review.review) }
        let limit = try ctx.read { db in try ReviewQueries.refundLimit(db, on: ctx.today) }
        let fields = [
            field(ctx.t("已联系买家", "Buyer contacted"), ctx.t("y 是 / n 否", "y / n"), "y"),
            field(ctx.t("结果", "Outcome"), ctx.t("revised 已改评 / kept 未改评 / reported 投诉平台", "revised / kept / reported")),
            field(ctx.t("补偿（元）", "Refund (yuan)"), ctx.t("上限 \(limit.description)，超过须总经理（CS-4）", "limit \(limit.description); above it only the GM (CS-4)"), "0"),
            field(ctx.t("恶意差评", "Malicious"), ctx.t("y：投诉平台并拉黑", "y: report and blacklist"), "n"),
            field(ctx.t("备注", "Note")),
        ]
        let parse: (DeskForm) throws -> (Bool, ReviewOutcome, Money, Bool) = { [ctx] f in
            let contacted = try Self.yesNo(f.raw(0), ctx.t("已联系买家", "Buyer contacted"), ctx)
            let malicious = try Self.yesNo(f.raw(3), ctx.t("恶意差评", "Malicious"), ctx)
            let outcome = try Self.outcome(f.raw(1), malicious: malicious, ctx)
            let refund = try Self.money(f.raw(2), ctx.t("补偿", "Refund"), ctx)
            return (contacted, outcome, refund, malicious)
        }
        open(DeskForm(title: ctx.t("处理\(review.rating.name(in: .zh)) \(review.review)：\(review.buyer)（CS-4）",
                                   "Handle \(review.rating.name(in: .en)) review \(review.review): \(review.buyer) (CS-4)"),
                      signs: true, fields: fields), check: { _ = try parse($0) }) { [ctx] f in
            guard let me = ctx.me else { throw StorageError.noActor }
            let (contacted, outcome, refund, malicious) = try parse(f)
            let done: ReviewHandled
            do {
                done = try ctx.session.handleReview(review.review, contacted: contacted, outcome: outcome, compensation: refund,
                                                    malicious: malicious, note: f.value(4), as: me)
            } catch CustomerCareError.overRefundLimit(let amount, let limit) {
                // The module's refusal names the CLI's `--as`; at the desk, the GM logs in.
                throw DeskRefusal(ctx.t("CS-4：补偿 \(amount) 元超过上限 \(limit) 元，需总经理处理：请总经理登录本台处理，或降低金额",
                                        "CS-4: a refund of \(amount) is above the limit of \(limit) and needs the GM: let the GM log in here, or refund less"))
            }
            return Status(ctx.t("评价 \(review.review) 已处理：\(done.outcome.name(in: .zh))，补偿 \(refund.description) 元",
                                "Review \(review.review) handled: \(done.outcome.name(in: .en)), refund \(refund.description)")
                          + (done.outcome == .reported ? ctx.t("；\(review.buyer) 已列入黑名单", "; \(review.buyer) is blacklisted") : ""), .ok)
        }
    }

    /// CS-7: `zhanggui complaint advance ID …` (or `close` from the return visit), one step from the
    /// step shown, signed. What the next step needs is asked: the kind, upheld and the person, the
    /// customer's evaluation.
    func openAdvance(_ id: String, seen: ComplaintStep, _ ctx: DeskContext) throws {
        let record = try ctx.read { db in try ComplaintQueries.find(db, id) }
        guard let next = seen.next, record.step != .archived else { throw CustomerCareError.complaintClosed(record.complaint) }
        var fields: [DeskForm.Field] = []
        switch next {
        case .determined:
            fields = [field(ctx.t("类别", "Kind"), "service / product / logistics / warehouse"),
                      field(ctx.t("针对员工", "Against"), ctx.t("可空", "optional"))]
        case .confirmed:
            fields = [field(ctx.t("投诉成立", "Upheld"), ctx.t("y 成立 / n 不成立", "y / n")),
                      field(ctx.t("责任人", "Against"), ctx.t("成立的服务、仓库投诉须填", "needed when a service or warehouse one is upheld"), record.against ?? ""),
                      field(ctx.t("罚款（元）", "Fine (yuan)"), ctx.t("仅仓库原因，主管决定（DISC-3）", "warehouse-caused only, the manager's (DISC-3)"))]
        case .visited:
            fields = [field(ctx.t("顾客评价", "Evaluation"), ctx.t("回访时顾客怎么说", "what the customer said"))]
        default:
            break
        }
        fields.append(field(ctx.t("说明", "Note")))
        let noteIndex = fields.count - 1
        struct Step { var kind: ComplaintKind?; var against: String?; var upheld: Bool?; var fine: Money?; var evaluation: String? }
        let parse: (DeskForm) throws -> Step = { [ctx] f in
            var step = Step()
            switch next {
            case .determined:
                guard let kind = Self.kind(f.raw(0)) else {
                    throw DeskRefusal(ctx.t("类别：填 service（服务）、product（商品）、logistics（物流）或 warehouse（仓库）",
                                            "Kind: write service, product, logistics or warehouse"))
                }
                step.kind = kind
                step.against = f.value(1)
            case .confirmed:
                step.upheld = try Self.yesNo(f.raw(0), ctx.t("投诉成立", "Upheld"), ctx)
                step.against = f.value(1)
                if !f.raw(2).isEmpty { step.fine = try Self.money(f.raw(2), ctx.t("罚款", "Fine"), ctx) }
            case .visited:
                guard let evaluation = f.value(0) else {
                    throw DeskRefusal(ctx.t("CS-7：回访须记录顾客评价", "CS-7: the return visit records the customer's evaluation"))
                }
                step.evaluation = evaluation
            default:
                break
            }
            return step
        }
        open(DeskForm(title: ctx.t("投诉 \(record.complaint)：\(seen.name(in: .zh)) → \(next.name(in: .zh))（CS-7）",
                                   "Complaint \(record.complaint): \(seen.name(in: .en)) → \(next.name(in: .en)) (CS-7)"),
                      signs: true, fields: fields), check: { _ = try parse($0) }) { [ctx] f in
            guard let me = ctx.me else { throw StorageError.noActor }
            let step = try parse(f)
            let note = f.value(noteIndex)
            let done = next == .archived
                ? try ctx.session.archiveComplaint(record.complaint, note: note, as: me)
                : try ctx.session.advanceComplaint(record.complaint, seen: seen, kind: step.kind, against: step.against, upheld: step.upheld,
                                                   fine: step.fine, evaluation: step.evaluation, note: note, as: me)
            return Status(ctx.t("投诉 \(record.complaint) 到“\(done.to.name(in: .zh))”", "Complaint \(record.complaint) is at “\(done.to.name(in: .en))”")
                          + (done.fineClaims.first.map { ctx.t("；已按 \($0.rule) 计罚", "; fined under \($0.rule)") } ?? ""), .ok)
        }
    }

    /// CS-9: `zhanggui inquiry log BUYER --product … --outcome … [--reason …] [--order …]`.
    func openInquiry(_ ctx: DeskContext) {
        let reasons = (try? ctx.read { db in try InquiryQueries.reasons(db) }) ?? []
        let fields = [
            field(ctx.t("买家", "Buyer"), ctx.t("昵称", "nick"), selectedBuyer ?? ""),
            field(ctx.t("商品", "Products"), ctx.t("逗号分开", "comma-separated")),
            field(ctx.t("结果", "Outcome"), ctx.t("won 成交 / lost 未成交 / pending 待定", "won / lost / pending"), "pending"),
            field(ctx.t("未成交原因", "Lost because"), reasons.joined(separator: ctx.t("、", ", "))),
            field(ctx.t("订单", "Order"), ctx.t("成交的订单号，可空", "the order, optional")),
        ]
        let parse: (DeskForm) throws -> (String, InquiryOutcome) = { [ctx] f in
            guard let buyer = f.value(0) else { throw DeskRefusal(ctx.t("买家：填买家昵称", "Buyer: write the buyer's nick")) }
            guard let outcome = InquiryOutcome(parsing: f.raw(2)) else {
                throw DeskRefusal(ctx.t("结果：填 won（成交）、lost（未成交）或 pending（待定）", "Outcome: write won, lost or pending"))
            }
            return (buyer, outcome)
        }
        open(DeskForm(title: ctx.t("登记咨询（CS-9）", "Log an inquiry (CS-9)"), signs: false, fields: fields), check: { _ = try parse($0) }) { [ctx] f in
            guard let me = ctx.me else { throw StorageError.noActor }
            let (buyer, outcome) = try parse(f)
            let products = f.raw(1).split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
            let logged = try ctx.session.logInquiry(buyer: buyer, products: products, outcome: outcome, reason: f.value(3), order: f.value(4), as: me)
            return Status(ctx.t("已登记咨询 \(logged.inquiry)（\(buyer)）：\(outcome.name(in: .zh))",
                                "Inquiry \(logged.inquiry) logged (\(buyer)): \(outcome.name(in: .en))"), .ok)
        }
    }

    // MARK: - Parsing the fields (one status line when refused)

    static func yesNo(_ text: String, _ name: String, _ ctx: DeskContext) throws -> Bool {
        switch text.lowercased() {
        case "y", "yes", "是", "1": return true
        case "n", "no", "否", "0": return false
        default: throw DeskRefusal(ctx.t("\(name)：填 y（是）或 n（否）", "\(name): write y or n"))
        }
    }

    static func outcome(_ text: String, malicious: Bool, _ ctx: DeskContext) throws -> ReviewOutcome {
        if text.isEmpty, malicious { return .reported }
        let key = text.lowercased()
        if let outcome = ReviewOutcome(rawValue: key) ?? ReviewOutcome.allCases.first(where: { $0.name(in: .zh) == text })
            ?? ["改评": .revised, "未改": .kept, "投诉": .reported][text] {
            return outcome
        }
        throw DeskRefusal(ctx.t("结果：填 revised（已改评）、kept（未改评）或 reported（投诉到平台）", "Outcome: write revised, kept or reported"))
    }

    /// An amount as the CLI's options read it (`Money.parse`: at most two decimals, not negative,
    /// at most `InputLimits.money`); empty, `-1`, `1e9`, `12.345` and non-digits are refused.
    static func money(_ text: String, _ name: String, _ ctx: DeskContext) throws -> Money {
        do {
            return try Money.parse(text)
        } catch {
            throw DeskRefusal(ctx.t("\(name)：", "\(name): ") + error.message(in: ctx.language))
        }
    }

    static func kind(_ text: String) -> ComplaintKind? {
        let key = text.lowercased()
        return ComplaintKind(rawValue: key) ?? ComplaintKind.allCases.first { $0.name(in: .zh) == text }
    }
}
