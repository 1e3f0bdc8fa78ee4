import ArgumentParser
import CustomerCare
import Foundation
import Logistics
import ShopDomain
import Storage

struct CustomerCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "customer",
            abstract: L("买家资料（CS-5、CS-6）：订单汇总、联系方式、备注、标签、VIP、黑名单。",
                        "The buyer database (CS-5, CS-6): orders, contacts, notes, tags, VIP, blacklist."),
            subcommands: [List.self, Show.self, Note.self, Contact.self, Tag.self, VIP.self, Blacklist.self, Told.self, Damage.self]
        )
    }
}

extension CustomerCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: L("列出买家（消费多的在前），可按昵称、电话片段或订单号查找。",
                                                                  "List buyers, biggest spenders first; search by nick, phone fragment or order number."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("昵称、电话片段或订单号", "Nick, phone fragment or order number"))) var search: String?
        @Option(help: ArgumentHelp(L("只看有此标签的", "Only buyers with this tag"))) var tag: String?
        @Flag(help: ArgumentHelp(L("只看黑名单", "Only blacklisted buyers"))) var blacklisted = false
        @Option(help: ArgumentHelp(L("最多几条", "At most this many"))) var limit = 200

        func run() throws {
            let session = try Session(global)
            let customers = try session.read { try CustomerQueries.list($0, search: search, tag: tag, blacklistedOnly: blacklisted, limit: limit) }
            if global.json { return Output.json(customers) }
            var table = TextTable([.init(L("买家", "Buyer")), .init(L("订单", "Orders"), alignment: .right), .init(L("消费", "Spent"), alignment: .right),
                                   .init(L("最近下单", "Last order")), .init("VIP"), .init(L("标签", "Tags")), .init(L("黑名单", "Blacklist"))])
            for c in customers {
                table.append(c.nick, String(c.orders), c.spent.description, c.lastOrderAt.map { session.time($0) } ?? "", c.vipGroup ?? "",
                             c.tags.joined(separator: ","), c.blacklisted.map { "[黑] " + $0 } ?? "")
            }
            Output.table(table)
            Output.line(L("共 \(customers.count) 位买家", "\(customers.count) buyer(s)"))
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: L("一位买家：姓名、电话、地址、订单、备注、评价、投诉。",
                                                                  "One buyer: names, phones, addresses, orders, notes, reviews, complaints."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("昵称、电话或订单号", "Nick, phone or order number"))) var buyer: String

        func run() throws {
            let session = try Session(global)
            let d = try session.read { db in try CustomerQueries.detail(db, CustomerQueries.find(db, buyer)) }
            if global.json { return Output.json(d) }
            Output.line("\(d.summary.nick)" + (d.summary.blacklisted.map { L("  [黑] 黑名单：", "  [黑] blacklisted: ") + $0 } ?? ""))
            Output.line(L("订单 \(d.summary.orders) 单，消费 \(d.summary.spent) 元", "\(d.summary.orders) order(s), spent \(d.summary.spent)"))
            if let group = d.summary.vipGroup { Output.line("VIP：\(group)" + (d.vipOffer.map { "（\($0)）" } ?? "")) }
            if !d.summary.tags.isEmpty { Output.line(L("标签：", "Tags: ") + d.summary.tags.joined(separator: "、")) }
            Output.line(L("收货人：", "Names: ") + d.names.joined(separator: "、"))
            Output.line(L("电话：", "Phones: ") + d.phones.joined(separator: "、"))
            for address in d.addresses { Output.line(L("地址：", "Address: ") + address) }
            for c in d.contacts { Output.line(c.method.name(in: .current) + "：" + c.value) }
            for n in d.notes { Output.line(L("备注 ", "Note ") + "\(session.time(n.at)) \(n.author)：\(n.text)") }
            var table = TextTable([.init(L("订单编号", "Order")), .init(L("状态", "Status")), .init(L("金额", "Total"), alignment: .right),
                                   .init(L("下单时间", "Created"))])
            for o in d.orders {
                table.append(o.order, OrderStatus(rawValue: o.status)?.name(in: .current) ?? o.status, o.total.description, session.time(o.createdAt))
            }
            Output.table(table)
            for r in d.reviews {
                Output.line(L("评价 ", "Review ") + "\(r.review) \(r.rating.name(in: .current)) \(r.order)：\(r.text)"
                            + (r.outcome.map { " → " + $0.name(in: .current) } ?? L("（待处理）", " (open)")))
            }
            for c in d.complaints { Output.line(L("投诉 ", "Complaint ") + "\(c.complaint) \(c.step.name(in: .current))：\(c.text)") }
        }
    }

    struct Note: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "note", abstract: L("给买家写备注。", "Write a note on a buyer."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Argument(help: ArgumentHelp(L("备注内容", "The note"))) var text: String

        func run() throws {
            let session = try Session(global)
            try session.apply(CustomerNoted(buyer: buyer, text: text), as: actor)
            Output.line(L("已记下 \(buyer) 的备注", "noted on \(buyer)"))
        }
    }

    struct Contact: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "contact", abstract: L("记下买家的联系方式（电话、旺旺、邮箱）。", "Record a contact (phone, WangWang, e-mail)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Argument(help: ArgumentHelp("phone|wangwang|email")) var method: String
        @Argument(help: ArgumentHelp(L("号码或地址", "Number or address"))) var value: String

        func run() throws {
            guard let method = ContactMethod(rawValue: method) else {
                throw ValidationError(L("联系方式只能是 phone、wangwang 或 email", "the method is phone, wangwang or email"))
            }
            let session = try Session(global)
            try session.apply(CustomerContactAdded(buyer: buyer, method: method, value: value), as: actor)
            Output.line(L("已记下 \(buyer) 的\(method.name(in: .zh))", "recorded \(buyer)'s \(method.name(in: .en))"))
        }
    }

    struct Tag: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "tag", abstract: L("给买家加（或用 --remove 去掉）分类标签。", "Tag a buyer (or --remove the tag)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Argument(help: ArgumentHelp(L("标签", "Tag"))) var tag: String
        @Flag(help: ArgumentHelp(L("去掉此标签", "Take the tag off"))) var remove = false

        func run() throws {
            let session = try Session(global)
            try session.apply(CustomerTagged(buyer: buyer, tag: tag, removed: remove), as: actor)
            Output.line(remove ? L("已去掉 \(buyer) 的标签 \(tag)", "untagged \(buyer): \(tag)") : L("已给 \(buyer) 加标签 \(tag)", "tagged \(buyer): \(tag)"))
        }
    }

    struct VIP: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "vip", abstract: L("把买家放进 VIP 组（附优惠说明），或用 --remove 移出。",
                                                                 "Put a buyer in a VIP group (with its offer), or --remove."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Argument(help: ArgumentHelp(L("VIP 组名", "VIP group"))) var group: String?
        @Option(help: ArgumentHelp(L("该组的优惠说明", "The group's offer"))) var offer: String?
        @Flag(help: ArgumentHelp(L("移出 VIP", "Take the buyer out"))) var remove = false

        func run() throws {
            guard remove || group != nil else { throw ValidationError(L("请给出 VIP 组名，或 --remove", "give a VIP group, or --remove")) }
            let session = try Session(global)
            try session.apply(CustomerVIPSet(buyer: buyer, group: remove ? nil : group, offer: offer), as: actor)
            Output.line(remove ? L("已把 \(buyer) 移出 VIP", "\(buyer) is no longer VIP") : L("\(buyer) 进入 VIP 组 \(group!)", "\(buyer) is in VIP group \(group!)"))
        }
    }

    struct Blacklist: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "blacklist", abstract: L("把买家列入黑名单并写明原因（CS-4），或用 --lift 移出；订单照发，处处标出。",
                                                                       "Blacklist a buyer with the reason (CS-4), or --lift; orders still ship, flagged."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("买家昵称", "Buyer nick"))) var buyer: String
        @Option(help: ArgumentHelp(L("原因", "Reason"))) var reason: String?
        @Flag(help: ArgumentHelp(L("移出黑名单", "Take the buyer off the list"))) var lift = false

        func run() throws {
            guard lift || reason != nil else { throw ValidationError(L("列入黑名单须写明原因：--reason", "blacklisting needs a reason: --reason")) }
            let session = try Session(global)
            try session.apply(CustomerBlacklisted(buyer: buyer, reason: reason ?? "", lifted: lift), as: actor)
            Output.line(lift ? L("已把 \(buyer) 移出黑名单", "\(buyer) is off the blacklist") : L("已把 \(buyer) 列入黑名单", "\(buyer) is blacklisted"))
        }
    }

    struct Told: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "told", abstract: L("确认已提醒此订单的顾客先验货再签收（CS-3）。",
                                                                  "Confirm the customer of this order was told to inspect before signing (CS-3)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order number"))) var order: String

        func run() throws {
            let session = try Session(global)
            try session.apply(CustomerInspectionTold(order: session.order(order)), as: actor)
            Output.line(L("已记录：订单 \(order) 已提醒先验货再签收", "recorded: order \(order) told to inspect before signing"))
        }
    }

    struct Damage: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "damage", abstract: L("登记货损；未提醒先验货再签收的，经手客服按 CS-3 罚款。",
                                                                    "Record goods arriving damaged; if nobody told the customer to inspect, CS-3 fines the agent."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: ArgumentHelp(L("订单编号", "Order number"))) var order: String
        @Argument(help: ArgumentHelp(L("货损说明", "What was damaged"))) var note: String
        @Option(help: ArgumentHelp(L("经手客服（默认读取该订单的人）", "The agent responsible (default: who took the order)"))) var agent: String?

        func run() throws {
            let session = try Session(global)
            let id = try session.order(order)
            let draft = try session.read { db in
                try DamageDrafts.report(db, order: id, note: note,
                                        responsible: try agent.map { try CoreQueries.findStaff(db, $0).id })
            }
            try session.apply(draft, as: actor)
            Output.line(draft.fineClaims.isEmpty ? L("已登记货损", "damage recorded")
                        : L("已登记货损；未提醒先验货，按 CS-3 罚款", "damage recorded; the customer was not told to inspect: CS-3 fine"))
        }
    }
}

extension Session {
    /// An order by its number or last 4+ digits (Logistics' lookup): unknown → one clear line.
    func order(_ text: String) throws -> OrderID {
        try read { try OrderQueries.find($0, text) }
    }
}
