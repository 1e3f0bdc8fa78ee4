/// The shop's roles (ORG-1). One person may hold several.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case gm = "gm"
    case shopManager = "shop-manager"
    case techLead = "tech-lead"
    case designLead = "design-lead"
    case designer = "designer"
    case csLead = "cs-lead"
    case csAgent = "cs-agent"
    case warehouseLead = "warehouse-lead"
    case warehouse = "warehouse"
    case shipper = "shipper"
    case finance = "finance"

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The title the shop's rule books use.
    public var chineseTitle: String {
        switch self {
        case .gm: "总经理"
        case .shopManager: "店长"
        case .techLead: "技术主管"
        case .designLead: "美工主管"
        case .designer: "美工"
        case .csLead: "客服主管"
        case .csAgent: "客服"
        case .warehouseLead: "仓储主管"
        case .warehouse: "仓储专员"
        case .shipper: "发货"
        case .finance: "财务"
        }
    }

    public var englishTitle: String {
        switch self {
        case .gm: "general manager"
        case .shopManager: "shop manager"
        case .techLead: "tech lead"
        case .designLead: "design lead"
        case .designer: "designer"
        case .csLead: "CS lead"
        case .csAgent: "CS agent"
        case .warehouseLead: "warehouse lead"
        case .warehouse: "warehouse staff"
        case .shipper: "shipper"
        case .finance: "finance"
        }
    }

    public func title(in language: Language) -> String {
        language.pick(zh: chineseTitle, en: englishTitle)
    }

    /// Accepts the code (`cs-agent`), the Chinese title (`客服`) or the English title.
    public init?(parsing text: String) {
        let key = text.trimmingWhitespace().lowercased()
        if let role = Role(rawValue: key) {
            self = role
        } else if let role = Role.allCases.first(where: { $0.chineseTitle == key || $0.englishTitle.lowercased() == key }) {
            self = role
        } else if key == "general-manager" || key == "运营总监" {
            self = .gm
        } else {
            return nil
        }
    }

    /// What this role may do. ORG-3: the GM decides what the rules do not cover, so the GM may do everything.
    public var permissions: Set<Permission> {
        Role.table[self]!
    }

    /// Worked out once: authorization asks on every op.
    private static let table: [Role: Set<Permission>] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.grants) })

    private var grants: Set<Permission> {
        switch self {
        case .gm: Set(Permission.allCases)
        case .shopManager: [.manageStaff, .manageCatalog, .planRoster, .supervise, .resolveConflicts, .handleOrders, .reconcile, .bookFines]
        case .techLead, .designLead, .designer: [.manageCatalog]  // ORG-1: upload products, change prices
        case .warehouseLead: [.manageCatalog, .moveStock, .adjustStock, .receiveGoods, .countStock, .postCount, .planRoster, .supervise,
                               .resolveConflicts, .handleOrders, .ship, .reconcile, .bookFines]
        case .warehouse: [.moveStock, .receiveGoods, .countStock, .ship]
        case .shipper: [.moveStock, .countStock, .ship, .handleOrders]
        case .csLead: [.planRoster, .supervise, .resolveConflicts, .handleOrders]
        case .csAgent: [.handleOrders]
        case .finance: [.reconcile]
        }
    }
}

/// Things a person must be entitled to do. Checked on every device when an op is made and
/// again by the hub when it merges (DESIGN.md, Identity).
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    /// Add staff, change their roles, deactivate them (ORG-1).
    case manageStaff = "manage-staff"
    /// Change a policy value: an amount, threshold or period of the rules.
    case setPolicy = "set-policy"
    /// Add products, locations, home zones and thresholds (ORG-1, WH-3).
    case manageCatalog = "manage-catalog"
    /// Move goods between locations, into the defective stock (WH-5).
    case moveStock = "move-stock"
    /// Correct a quantity: warehouse lead only.
    case adjustStock = "adjust-stock"
    /// Create, inspect and post receipts (WH-1, WH-2).
    case receiveGoods = "receive-goods"
    /// Start stocktakes and enter counts (WH-4).
    case countStock = "count-stock"
    /// Book a stocktake's variances: warehouse lead only (WH-4).
    case postCount = "post-count"
    /// Plan the rota and the cleaning rota (HR-1, HR-7): team leads.
    case planRoster = "plan-roster"
    /// Approve leaving the post during a shift (HR-4): a supervisor.
    case supervise = "supervise"
    /// Settle sync conflicts: the GM, shop manager and team leads.
    case resolveConflicts = "resolve-conflicts"
    /// Import orders, write order notes, take orders, add items (CS-5, CS-8).
    case handleOrders = "handle-orders"
    /// Waybill stock, printing, picking, packing, courier handovers, claims (LOG-1…LOG-10, WH-7…WH-9).
    case ship = "ship"
    /// Courier prices and month-end statements (LOG-11).
    case reconcile = "reconcile"
    /// Record a mis-shipment and the packer's fine (LOG-12): supervisors.
    case bookFines = "book-fines"
    /// Set the month's sales target (ORG-2, OPS-1): the general manager only.
    case setSalesTarget = "set-sales-target"

    public func describe(in language: Language) -> String {
        switch self {
        case .manageStaff: language.pick(zh: "管理员工", en: "manage staff")
        case .setPolicy: language.pick(zh: "修改规章参数", en: "change policy values")
        case .setSalesTarget: language.pick(zh: "设定月度销售目标", en: "set the monthly sales target")
        case .manageCatalog: language.pick(zh: "管理商品与库位", en: "manage products and locations")
        case .moveStock: language.pick(zh: "移库", en: "move stock")
        case .adjustStock: language.pick(zh: "调整库存", en: "adjust stock")
        case .receiveGoods: language.pick(zh: "收货验货", en: "receive goods")
        case .countStock: language.pick(zh: "盘点", en: "count stock")
        case .postCount: language.pick(zh: "过账盘点结果", en: "post stocktakes")
        case .planRoster: language.pick(zh: "排班", en: "plan the rota")
        case .supervise: language.pick(zh: "批准离岗", en: "approve leaving the post")
        case .resolveConflicts: language.pick(zh: "处理同步冲突", en: "resolve sync conflicts")
        case .handleOrders: language.pick(zh: "处理订单", en: "handle orders")
        case .ship: language.pick(zh: "打单发货", en: "print, pack and ship")
        case .reconcile: language.pick(zh: "快递对账", en: "reconcile courier statements")
        case .bookFines: language.pick(zh: "登记错发与罚款", en: "record mis-shipments and fines")
        }
    }

    /// The roles that grant this permission.
    public var grantedBy: [Role] {
        Role.allCases.filter { $0.permissions.contains(self) }
    }
}
