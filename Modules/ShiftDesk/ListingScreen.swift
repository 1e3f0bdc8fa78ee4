import Foundation
import Listing
import ShopDomain
import Storage
import TerminalUI

/// The designer's list (DES-1): every style from arrival to on sale, overdue first, and below it
/// the selected style's latest image-folder check per rule (DES-2, DES-3, DES-5) and what still
/// blocks going on sale. Read through `ListingQueries`; the writes are the CLI's `listing` commands.
final class ListingScreen: Screen {
    private var listings: [ListingQueries.Listing] = []
    private var table = TableView([])
    private var detail: ListingQueries.Detail?

    func title(_ ctx: DeskContext) -> String { ctx.t("上架", "Listing") }

    func hints(_ ctx: DeskContext) -> [KeyHint] {
        [KeyHint("↑↓", ctx.t("选择", "choose"))]
    }

    func reload(_ ctx: DeskContext) throws {
        let selectedStyle = table.selected.flatMap { listings.indices.contains($0) ? listings[$0].style : nil }
        listings = try ctx.read { db in try ListingQueries.listings(db, today: ctx.today) }
        table = TableView([.init(ctx.t("款号", "Style")), .init(ctx.t("名称", "Name"), maxWidth: 14), .init(ctx.t("到货", "Arrived")),
                           .init(ctx.t("期限", "Due")), .init(ctx.t("状态", "State")), .init(ctx.t("图片检查", "Folder")), .init("")])
        for l in listings {
            let folder = l.folderFailed.map { $0.isEmpty ? ctx.t("通过", "passed") : ctx.t("未通过 ", "failed ") + $0.joined(separator: ",") }
                ?? ctx.t("未检查", "not checked")
            let note = l.overdue ? ctx.t("超期 \(-(l.daysLeft ?? 0)) 天", "overdue \(-(l.daysLeft ?? 0)) d")
                : l.daysLeft.map { ctx.t("剩 \($0) 天", "\($0) d left") } ?? (l.late ? ctx.t("晚了", "late") : "")
            table.append([l.style, l.name, l.arrivalDay ?? "-", l.dueOn ?? "-", Self.state(l.state, ctx), l.onSaleDay == nil ? folder : "", note],
                         style: l.overdue ? .warning : l.onSaleDay != nil ? .dim : .normal)
        }
        table.selected = listings.isEmpty ? nil : selectedStyle.flatMap { style in listings.firstIndex { $0.style == style } } ?? 0
        try loadDetail(ctx)
    }

    private func loadDetail(_ ctx: DeskContext) throws {
        detail = try table.selected.map { index in
            try ctx.read { db in try ListingQueries.detail(db, style: listings[index].style, today: ctx.today, language: ctx.language) }
        }
    }

    static func state(_ state: String, _ ctx: DeskContext) -> String {
        switch state {
        case "not-arrived": ctx.t("未到货", "not arrived")
        case "arrived": ctx.t("已到货", "arrived")
        case "photographed": ctx.t("已拍摄", "photographed")
        case "retouched": ctx.t("已修图", "retouched")
        case "listed": ctx.t("已上传", "listed")
        case "reviewed": ctx.t("已复查", "reviewed")
        case "on-sale": ctx.t("在售", "on sale")
        default: state
        }
    }

    func draw(_ grid: inout CellGrid, _ area: Area, _ ctx: DeskContext) {
        var out = LineWriter(area)
        let overdue = listings.filter(\.overdue).count
        out.line(ctx.t("\(listings.count) 款，其中 \(overdue) 款超期未上架（DES-1）", "\(listings.count) styles, \(overdue) overdue for sale (DES-1)"),
                 overdue > 0 ? .warning : .title, &grid)
        guard !listings.isEmpty else {
            out.line(ctx.t("还没有到货的新品。", "No new goods have arrived."), .dim, &grid)
            return
        }
        let listHeight = min(listings.count + 1, max(3, out.rowsLeft / 2))
        table.draw(&grid, x: out.x, y: out.y, width: out.width, height: listHeight)
        out.y += listHeight + 1
        guard let detail else { return }
        guard let folder = detail.folder else {
            out.line(ctx.t("\(detail.listing.style) 的图片文件夹未检查：zhanggui listing check \(detail.listing.style) --dir …",
                           "\(detail.listing.style)'s image folder is not checked: zhanggui listing check \(detail.listing.style) --dir …"), .dim, &grid)
            blockers(detail, &out, &grid, ctx)
            return
        }
        out.line(ctx.t("\(detail.listing.style) 图片检查 \(folder.id)（\(folder.checkedBy)，\(ctx.time(folder.checkedAt))）",
                       "\(detail.listing.style) folder check \(folder.id) (\(folder.checkedBy), \(ctx.time(folder.checkedAt)))"), .title, &grid)
        var rules = TableView([.init(ctx.t("规则", "Rule")), .init(ctx.t("检查", "Check"), maxWidth: 28), .init(ctx.t("结果", "Result")),
                               .init(ctx.t("发现", "Findings"))])
        for rule in folder.rules {
            rules.append([rule.ruleID, rule.title, rule.passed ? ctx.t("通过", "passed") : ctx.t("未通过", "failed"),
                          rule.findings.first.map { rule.findings.count > 1 ? "\($0)（+\(rule.findings.count - 1)）" : $0 } ?? ""],
                         style: rule.passed ? .ok : .error)
        }
        let height = min(folder.rules.count + 1, out.rowsLeft)
        rules.draw(&grid, x: out.x, y: out.y, width: out.width, height: height)
        out.y += height
        blockers(detail, &out, &grid, ctx)
    }

    private func blockers(_ detail: ListingQueries.Detail, _ out: inout LineWriter, _ grid: inout CellGrid, _ ctx: DeskContext) {
        guard !detail.blockers.isEmpty else { return }
        out.paragraph(ctx.t("上架前还差：", "Before it can go on sale: ") + detail.blockers.joined(separator: ctx.t("；", "; ")), .dim, &grid)
    }

    func handle(_ key: Key, _ ctx: DeskContext) throws -> ScreenAction {
        switch key {
        case .up: table.move(-1)
        case .down: table.move(1)
        case .pageUp: table.move(-10)
        case .pageDown: table.move(10)
        case .escape: return .back
        default: return .none
        }
        try loadDetail(ctx)
        return .none
    }
}
