import ShopDomain
@testable import Printing

/// Pages with realistic data, shared by the tests and by `Scripts/dev/print-samples.sh`.
enum Samples {
    static let sender = WaybillLabel.Party(name: "掌柜女装店", phone: "0571-8888 6666",
                                           address: "浙江省杭州市余杭区仓前街道良睦路 1399 号 3 幢 502 室")

    static let labels: [WaybillLabel] = [
        WaybillLabel(
            waybill: "73610555582883", courier: "中通快递", batch: "20261130-01", sequence: 7,
            orderNumber: "3921448577102938471",
            consignee: .init(name: "王晓燕", phone: "138 0571 2233", address: "浙江省杭州市西湖区文三路 478 号华星时代广场 A 座 1203", postcode: "310012"),
            sender: sender, items: ["AF1023/白色/XL×2", "AF2088/黑色/M×1"],
            buyerMessage: "请周末送货", printedAt: "2026-11-30 09:12"),
        WaybillLabel(
            waybill: "YT7512345678901", courier: "圆通速递", batch: "20261130-01", sequence: 8,
            orderNumber: "3921448577102938999",
            consignee: .init(name: "欧阳娜娜<script>alert(1)</script>", phone: "186 1234 5678",
                             address: "新疆维吾尔自治区乌鲁木齐市沙依巴克区西山路街道友好北路 689 号美美购物中心写字楼 B 座 23 层 2305 室（前台代收，工作日 9:00–18:00，周末请勿投递）",
                             postcode: "830000", company: "乌鲁木齐市天山雪莲商贸有限责任公司"),
            sender: sender,
            items: ["AF1023/白色/XL×2", "AF1023/白色/XXL×1", "AF2088/黑色/M×1", "BX300/藏青/3XL×3", "BX300/米白/L×1",
                    "DZ77/卡其/均码×1", "KZ9001/浅蓝牛仔/28×2"],
            buyerMessage: "麻烦帮忙检查一下有没有线头，谢谢！& 送个小礼物吧 >_<", sellerNote: "赠品：发圈×1；老客户",
            printedAt: "2026-11-30 09:12", reprintReason: "面单卡纸"),
    ]

    /// Everything as long as a real order gets: the label must still be one page.
    static let extremeLabel: WaybillLabel = {
        var label = labels[1]
        label.consignee.name = "阿卜杜热合曼·买买提依明"
        label.consignee.address = String(repeating: "新疆维吾尔自治区伊犁哈萨克自治州霍尔果斯市卡拉苏河路 18 号国际贸易商城 ", count: 3)
        label.sender.address = String(repeating: "浙江省杭州市余杭区仓前街道良睦路 1399 号 3 幢 502 室 ", count: 2)
        label.items = (1...16).map { "KZ90\($0)/浅蓝牛仔/\(24 + $0)×\($0 % 3 + 1)" }
        label.buyerMessage = String(repeating: "请务必检查每一件的尺码和颜色，", count: 4)
        label.sellerNote = String(repeating: "老客户，送发圈和袜子；", count: 3)
        return label
    }()

    static let pickList = PickList(
        batch: "20261130-01", title: "11月30日 第一批", date: "2026-11-30",
        lines: [
            .init(style: "AF1023", name: "法式碎花连衣裙", colour: "白色", size: "XL", quantity: 2, locations: ["A-01-03"], orders: 1),
            .init(style: "AF1023", name: "法式碎花连衣裙", colour: "白色", size: "M", quantity: 1, locations: ["A-01-02"], orders: 1),
            .init(style: "AF1023", name: "法式碎花连衣裙", colour: "白色", size: "XL", quantity: 1, locations: ["A-01-03", "B-02-01"], orders: 1),
            .init(style: "AF1023", name: "法式碎花连衣裙", colour: "白色", size: "XXL", quantity: 1, locations: ["A-01-04"], orders: 1),
            .init(style: "AF1023", name: "法式碎花连衣裙", colour: "黑色", size: "S", quantity: 3, locations: ["A-02-01"], orders: 2),
            .init(style: "KZ9001", name: "高腰直筒牛仔裤", colour: "浅蓝", size: "28", quantity: 2, locations: ["C-05-01"], orders: 2),
            .init(style: "KZ9001", name: "高腰直筒牛仔裤", colour: "浅蓝", size: "26", quantity: 1, locations: ["C-05-01"], orders: 1),
            .init(style: "BX300", name: "羊毛开衫", colour: "藏青", size: "3XL", quantity: 3, locations: ["D-01-01"], orders: 1),
            .init(style: "BX300", name: "羊毛开衫", colour: "藏青", size: "L", quantity: 1, locations: [], orders: 1),
        ],
        flags: [
            .init(waybill: "YT7512345678901", order: "3921448577102938999", consignee: "欧阳娜娜", kind: .gift, text: "发圈×1"),
            .init(waybill: "73610555582883", order: "3921448577102938471", consignee: "王晓燕", kind: .buyerMessage, text: "请周末送货"),
            .init(waybill: "YT7512345678901", order: "3921448577102938999", consignee: "欧阳娜娜", kind: .remark, text: "老客户，检查线头"),
            .init(waybill: "73610555582884", order: "3921448577102938472", consignee: "李雷", kind: .madeToOrder, text: "袖长加 2 cm"),
        ])

    static let evidence = EvidenceSheet(
        claimID: "CL-20261203-02", kind: .damaged, openedAt: "2026-12-03 15:40", courier: "中通快递",
        waybill: "73610555582883", orderNumber: "3921448577102938471", buyer: "tb_xiaoyan88",
        consignee: .init(name: "王晓燕", phone: "138 0571 2233", address: "浙江省杭州市西湖区文三路 478 号华星时代广场 A 座 1203", postcode: "310012"),
        items: [.init(description: "AF1023/白色/XL", quantity: 2, unitPrice: Money(fen: 15900)),
                .init(description: "AF2088/黑色/M", quantity: 1, unitPrice: Money(fen: 8950))],
        orderAmount: Money(fen: 39800), postage: Money(fen: 800),
        pickupWeightGrams: 1250, pickupFee: Money(fen: 600), pickupDate: "2026-11-30", pickupCourier: "赵师傅",
        packer: "李娟", description: "买家签收时发现外箱破损、连衣裙沾有油污，当场拍照并拒收。")
}
