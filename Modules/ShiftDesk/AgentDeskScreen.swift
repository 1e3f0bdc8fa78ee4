import CustomerCare
import Foundation
import ShopActions
import ShopDomain
import Storage
import TerminalUI

/// The CS agent's desk (issue 12, key 8): five lists, ←→ or Tab to switch — unpaid orders to
/// follow up (CS-5, `f` records a follow-up), the review queue (CS-2, the GM's; `h` handles one,
/// CS-4), complaints with their next step (CS-7; `a` takes one a step on, `x` shows the archived
/// too), a customer lookup by nick, phone or order (`/`), the canned replies (CS-1, `/` searches);
/// `i` logs an inquiry from any list (CS-9). Every list reads CustomerCare's queries; every write
/// goes through the same `ShopSession` action as the CLI's command (`CustomerCareActions`), and
/// what a person signs (a review's handling, a complaint's step) is confirmed with their PIN.
final class AgentDeskScreen: Screen {
    enum Tab: Int, CaseIterable {
        case followUps, reviews, complaints, customers, replies

        func title(_ ctx: DeskContext) -> String {
            switch self {
            case .followUps: ctx.t("未付款跟进", "Follow-ups")
            case .reviews: ctx.t("中差评", "Reviews")
            case .complaints: ctx.t("投诉", "Complaints")
            case .customers: ctx.t("买家", "Customers")
            case .replies: ctx.t("话术", "Replies")
            }
        }

        var searches: Bool { self == .customers || self == .replies }
    }

    private var tab = Tab.followUps
    private var search = TextField()
    private var searching = false
    private var form: DeskForm?
    /// What the open form does once its fields are accepted (and, when it signs, the PIN).
    private var submit: ((DeskForm) throws -> Status)?
    /// What the open form checks before the PIN is asked: the fields' parse, nothing written.
    private var check: ((DeskForm) throws -> Void)?
    private var showArchived = false
    private var table = TableView([])
    private var keys: [String] = []
    /// Each row's buyer (for `i`), and each complaint's step as shown (what `a` advances from).
    private var buyers: [String?] = []
    private var steps: [ComplaintStep] = []
    private var detailLine = ""

    func title(_ ctx: DeskContext) -> String { ctx.t("客服台", "Agent desk") }

    var capturesText: Bool { searching || form != nil }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        if let form {
            if form.askingPIN { return [KeyHint("Enter", ctx.t("确认", "confirm")), KeyHint("Esc", ctx.t("返回修改", "back to the fields"))] }
            return [KeyHint("Tab ↑↓", ctx.t("换一栏", "next field")),
                    KeyHint("Enter", form.signs ? ctx.t("下一栏／签字", "next / sign") : ctx.t("下一栏／保存", "next / save")),
                    KeyHint("Esc", ctx.t("不写了", "cancel"))]
        }
        if searching { return [KeyHint("↑↓", ctx.t("选择", "choose")), KeyHint("Esc", ctx.t("结束输入", "stop typing"))] }
        var hints = [KeyHint("←→", ctx.t("切换列表", "switch list")), KeyHint("↑↓", ctx.t("选择", "choose"))]
        if tab.searches { hints.append(KeyHint("/", ctx.t("搜索", "search"))) }
        switch tab {
        case .followUps: hints.append(KeyHint("f", ctx.t("记录跟进", "record a follow-up")))
        case .reviews: hints.append(KeyHint("h", ctx.t("处理评价", "handle the review")))
        case .complaints:
            hints.append(KeyHint("a", ctx.t("推进一步", "next step")))
            hints.append(KeyHint("x", showArchived ? ctx.t("只看未归档", "open only") : ctx.t("含已归档", "with archived")))
        default: break
        }
        hints.append(KeyHint("i", ctx.t("登记咨询", "log an inquiry")))
        return hints
    }

    func reload(_ ctx: DeskContext) throws {
        let selected = table.selected
        try query(ctx)
        table.selected = keys.isEmpty ? nil : min(selected ?? 0, keys.count - 1)
        describe(ctx)
    }

    private func query(_ ctx: DeskContext) throws {
        switch tab {
        case .followUps:
            let items = try ctx.read { try InquiryQueries.followUps($0) }
            table = TableView([.init(ctx.t("订单编号", "Order"), minWidth: 19), .init(ctx.t("买家", "Buyer"), maxWidth: 14),
                               .init(ctx.t("金额", "Total"), alignment: .right), .init(ctx.t("下单", "Created")),
                               .init(ctx.t("跟进", "Done"), alignment: .right), .init(ctx.t("最近跟进", "Last"), maxWidth: 30)])
            for i in items {
                table.append([i.order, i.buyer ?? "", i.total.description, ctx.time(i.createdAt), String(i.followUps.count),
                              i.followUps.last.map { "\($0.agent)：\(DeskText.oneLine($0.note))" } ?? ""],
                             style: i.followUps.isEmpty ? .warning : .normal)
            }
            keys = items.map(\.order)
            buyers = items.map(\.buyer)
        case .reviews:
            let reviews = try ctx.read { try ReviewQueries.list($0, openOnly: false, limit: 200) }
            table = TableView([.init(ctx.t("编号", "ID")), .init(ctx.t("评价", "Rating")), .init(ctx.t("买家", "Buyer"), maxWidth: 14),
                               .init(ctx.t("内容", "Text"), maxWidth: 30), .init(ctx.t("状态", "State"))])
            for r in reviews {
                table.append([r.review, r.rating.name(in: ctx.language), r.buyer, DeskText.oneLine(r.text),
                              r.outcome?.name(in: ctx.language) ?? ctx.t("待总经理处理", "open, with the GM")], style: r.handled ? .dim : .warning)
            }
            keys = reviews.map(\.review)
            buyers = reviews.map(\.buyer)
        case .complaints:
            let openOnly = !showArchived
            let complaints = try ctx.read { try ComplaintQueries.list($0, openOnly: openOnly) }
            table = TableView([.init(ctx.t("编号", "ID")), .init(ctx.t("买家", "Buyer"), maxWidth: 14), .init(ctx.t("类别", "Kind")),
                               .init(ctx.t("当前", "Step")), .init(ctx.t("下一步", "Next")), .init(ctx.t("内容", "Text"), maxWidth: 24)])
            for c in complaints {
                table.append([c.complaint, c.buyer, c.kind?.name(in: ctx.language) ?? "", c.step.name(in: ctx.language),
                              c.next?.name(in: ctx.language) ?? "", DeskText.oneLine(c.text)], style: c.next == nil ? .dim : .normal)
            }
            keys = complaints.map(\.complaint)
            buyers = complaints.map(\.buyer)
            steps = complaints.map(\.step)
        case .customers:
            let customers = try ctx.read { try CustomerQueries.list($0, search: search.text, limit: 200) }
            table = TableView([.init(ctx.t("买家", "Buyer"), maxWidth: 16), .init(ctx.t("订单", "Orders"), alignment: .right),
                               .init(ctx.t("消费", "Spent"), alignment: .right), .init("VIP"), .init(ctx.t("标签", "Tags"), maxWidth: 16),
                               .init(ctx.t("黑名单", "Blacklist"), maxWidth: 24)])
            for c in customers {
                table.append([c.nick, String(c.orders), c.spent.description, c.vipGroup ?? "", c.tags.joined(separator: ","),
                              c.blacklisted.map { "[黑] " + DeskText.oneLine($0) } ?? ""], style: c.blacklisted == nil ? .normal : .error)
            }
            keys = customers.map(\.nick)
            buyers = customers.map(\.nick)
        case .replies:
            let replies = try ctx.read { try ReplyQueries.list($0, search: search.text) }
            table = TableView([.init(ctx.t("标题", "Title"), maxWidth: 16), .init(ctx.t("话术", "Text"))])
            for r in replies { table.append([r.title, DeskText.oneLine(r.text)]) }
            keys = replies.map(\.text)
            buyers = replies.map { _ in nil }
        }
        table.selected = keys.isEmpty ? nil : 0
    }

    /// The selected row in full, under the list: a reply's whole text, a customer's phones.
    private func describe(_ ctx: DeskContext) {
        guard let index = table.selected, keys.indices.contains(index) else { detailLine = ""; return }
        switch tab {
        case .replies: detailLine = DeskText.oneLine(keys[index])
        case .customers:
            detailLine = (try? ctx.read { db in
                let d = try CustomerQueries.detail(db, keys[index])
                return ctx.t("电话 ", "Phones ") + d.phones.joined(separator: "、") + (d.vipOffer.map { ctx.t("  VIP 优惠：", "  VIP offer: ") + $0 } ?? "")
            }) ?? ""
        default: detailLine = ""
        }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        let x0 = area.x + 2, y = area.y + 1
        var x = x0
        for t in Tab.allCases {
            x += grid.put(" " + t.title(ctx) + " ", x: x, y: y, style: t == tab ? .selected : .normal) + 1
        }
        if tab.searches {
            let label = grid.put(ctx.t("搜索：", "Search: "), x: x0, y: y + 1, style: .title)
            if searching {
                search.draw(&grid, x: x0 + label, y: y + 1, width: 32)
            } else {
                grid.putField(search.text.isEmpty ? ctx.t("（按 / 输入昵称、电话或订单号）", "(press / and type a nick, phone or order)") : search.text,
                              x: x0 + label, y: y + 1, width: min(area.width - 4 - label, 48), style: search.text.isEmpty ? .dim : .normal)
            }
        } else {
            grid.put(ctx.t("共 \(keys.count) 条", "\(keys.count) item(s)"), x: x0, y: y + 1, style: .dim)
        }
        let bottomRows = (detailLine.isEmpty ? 0 : 2) + (form.map { $0.rows + 1 } ?? 0)
        if keys.isEmpty {
            grid.put(ctx.t("（没有）", "(none)"), x: x0, y: y + 3, style: .dim)
        } else {
            table.draw(&grid, x: x0, y: y + 3, width: area.width - 4, height: max(2, area.height - 4 - bottomRows))
        }
        var by = area.y + area.height - 1
        if let form {
            by -= form.rows
            form.draw(&grid, x: x0, y: by + 1, width: area.width - 4, ctx)
            by -= 1
        }
        if !detailLine.isEmpty { grid.put(detailLine, x: x0, y: by, style: .normal, maxWidth: area.width - 4) }
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        if form != nil { return try handleForm(key, ctx) }
        switch key {
        case .up: table.move(-1); describe(ctx)
        case .down: table.move(1); describe(ctx)
        case .pageUp: table.move(-10); describe(ctx)
        case .pageDown: table.move(10); describe(ctx)
        case .escape where searching, .enter where searching:
            searching = false
        case .escape where !search.text.isEmpty && tab.searches:
            search = TextField()
            try reload(ctx)
        case .escape:
            return .back
        case .right, .tab:
            tab = Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!
            table.selected = nil
            try reload(ctx)
        case .left, .backTab:
            tab = Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
            table.selected = nil
            try reload(ctx)
        case .character("/") where tab.searches && !searching:
            searching = true
        case .character("f") where tab == .followUps && !searching, .character("F") where tab == .followUps && !searching:
            if let order = selectedKey { openFollowUp(order, ctx) }
        case .character("h") where tab == .reviews && !searching, .character("H") where tab == .reviews && !searching:
            if let review = selectedKey { try openReview(review, ctx) }
        case .character("a") where tab == .complaints && !searching, .character("A") where tab == .complaints && !searching:
            if let index = table.selected, keys.indices.contains(index) { try openAdvance(keys[index], seen: steps[index], ctx) }
        case .character("x") where tab == .complaints && !searching, .character("X") where tab == .complaints && !searching:
            showArchived.toggle()
            try reload(ctx)
        case .character("i") where !searching, .character("I") where !searching:
            openInquiry(ctx)
        default:
            if searching, search.edit(key) {
                try query(ctx)
                describe(ctx)
            }
        }
        return .none
    }

    private var selectedKey: String? {
        guard let index = table.selected, keys.indices.contains(index) else { return nil }
        return keys[index]
    }

    var selectedBuyer: String? {
        guard let index = table.selected, buyers.indices.contains(index) else { return nil }
        return buyers[index]
    }

    /// The open form's keys: the fields, then the checks (a refusal keeps the form and writes
    /// nothing), then the PIN for what is signed, then the action; a refusal of the module (the
    /// handler's rule) also keeps the form open, to correct it.
    private func handleForm(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        guard var current = form else { return .none }
        switch current.handle(key) {
        case .editing:
            form = current
            return .none
        case .cancelled:
            closeForm()
            return .status(Status(ctx.t("没有写入", "Nothing written"), .info))
        case .submitted:
            form = current
            try check?(current)
            if current.signs {
                current.askPIN()
                form = current
                return .none
            }
            return try run(current, ctx)
        case .pinEntered:
            let typed = current.pin.text
            current.pin = TextField(masked: true)
            form = current
            switch try PINConfirm.check(typed, ctx) {
            case .accepted: break
            case .retry(let status): return .status(status)
            case .stop(let status):
                closeForm()
                return .status(status)
            }
            current.askingPIN = false
            form = current
            return try run(current, ctx)
        }
    }

    private func run(_ filled: DeskForm, _ ctx: DeskContext) throws -> ScreenAction {
        guard let submit else { return .none }
        let status = try submit(filled)
        closeForm()
        return .status(status)
    }

    private func closeForm() {
        form = nil
        submit = nil
        check = nil
    }

    func open(_ new: DeskForm, check: ((DeskForm) throws -> Void)? = nil, submit: @escaping (DeskForm) throws -> Status) {
        form = new
        self.check = check
        self.submit = submit
    }

    func field(_ label: String, _ hint: String = "", _ text: String = "") -> DeskForm.Field {
        var f = TextField()
        f.text = text
        return DeskForm.Field(label: label, hint: hint, field: f)
    }
}

struct DeskRefusal: ShopError {
    let text: String
    init(_ text: String) { self.text = text }
    func message(in language: Language) -> String { text }
}
