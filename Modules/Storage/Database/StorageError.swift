import ShopDomain

/// What the database refuses, in words a person can act on.
public enum StorageError: Error, Equatable, Sendable {
    case databaseMissing(path: String)
    case databaseExists(path: String)
    case notAShopDatabase(path: String)
    case newerSchema(path: String)
    case unknownOperationKind(String)
    case noActor
    case unknownStaff(String)
    case ambiguousStaff(String, matches: [String])
    case inactiveStaff(name: String)
    case notPermitted(name: String, permission: Permission, roles: [Role])
    case shopAlreadyCreated
    case duplicateStaffName(String)
    case staffAlreadyInactive(String)
    case lastGM
    case backupTargetExists(path: String)
    case io(path: String, reason: String)
    case emptyNotebook
}

extension StorageError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .databaseMissing(let path):
            return language.pick(zh: "找不到店铺数据库 \(path)：先运行 zhanggui init，或用 --db 指定文件",
                                 en: "no shop database at \(path): run zhanggui init first, or name the file with --db")
        case .databaseExists(let path):
            return language.pick(zh: "\(path) 已存在：init 不会改动已有文件，请换一个 --db 路径",
                                 en: "\(path) already exists: init never touches an existing file; choose another --db path")
        case .notAShopDatabase(let path):
            return language.pick(zh: "\(path) 不是掌柜的数据库", en: "\(path) is not a Zhanggui database")
        case .newerSchema(let path):
            return language.pick(zh: "\(path) 由更新版本的掌柜创建：请升级本程序", en: "\(path) was written by a newer Zhanggui: upgrade this program")
        case .unknownOperationKind(let kind):
            return language.pick(zh: "不认识的操作类型 \(kind)：请升级掌柜", en: "unknown op kind \(kind): upgrade Zhanggui")
        case .noActor:
            return language.pick(zh: "没有说明是谁在操作：加上 --as 姓名，或设置 ZHANGGUI_STAFF",
                                 en: "nobody is named as acting: add --as NAME, or set ZHANGGUI_STAFF")
        case .unknownStaff(let who):
            return language.pick(zh: "没有员工“\(who)”：用 zhanggui staff list 查看", en: "no staff member “\(who)”: see zhanggui staff list")
        case .ambiguousStaff(let who, let matches):
            return language.pick(zh: "“\(who)”对应多位员工（\(matches.joined(separator: "、"))）：请用员工编号",
                                 en: "“\(who)” matches several people (\(matches.joined(separator: ", "))): use the staff ID")
        case .inactiveStaff(let name):
            return language.pick(zh: "\(name) 已停用，不能再操作", en: "\(name) is deactivated and can no longer act")
        case .notPermitted(let name, let permission, let roles):
            let held = roles.map { $0.title(in: language) }.joined(separator: language.pick(zh: "、", en: ", "))
            let needed = permission.grantedBy.map { $0.title(in: language) }.joined(separator: language.pick(zh: "或", en: " or "))
            return language.pick(zh: "\(name)（\(held)）无权\(permission.describe(in: .zh))：需要\(needed)来做",
                                 en: "\(name) (\(held)) may not \(permission.describe(in: .en)): this needs a \(needed)")
        case .shopAlreadyCreated:
            return language.pick(zh: "这个数据库已经建好店铺了", en: "this database already holds a shop")
        case .duplicateStaffName(let name):
            return language.pick(zh: "已有在职员工叫“\(name)”：请用能区分的名字，例如“\(name)2”或“小\(name.prefix(1))”",
                                 en: "an active staff member is already called “\(name)”: use a name that tells them apart")
        case .staffAlreadyInactive(let name):
            return language.pick(zh: "\(name) 已经停用了", en: "\(name) is already deactivated")
        case .lastGM:
            return language.pick(zh: "不能停用最后一位总经理：先给另一位员工加上 gm 岗位",
                                 en: "cannot deactivate the last general manager: give someone else the gm role first")
        case .backupTargetExists(let path):
            return language.pick(zh: "备份目标 \(path) 已存在：请换一个文件名", en: "the backup target \(path) already exists: choose another file name")
        case .emptyNotebook:
            return language.pick(zh: "这个笔记本还没有店铺数据：先与中心机同步（zhanggui sync --hub 地址 --token 令牌）",
                                 en: "this notebook holds no shop yet: sync with the hub first (zhanggui sync --hub URL --token TOKEN)")
        case .io(let path, let reason):
            return language.pick(zh: "无法使用 \(path)：\(reason)", en: "cannot use \(path): \(reason)")
        }
    }
}

/// Why a conflict resolution was refused.
public enum ConflictError: Error, Equatable, Sendable {
    case unknown(String)
    case settled(String)
}

extension ConflictError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .unknown(let id):
            language.pick(zh: "没有冲突 \(id)：用 zhanggui conflict list 查看", en: "no conflict \(id): see zhanggui conflict list")
        case .settled(let id):
            language.pick(zh: "冲突 \(id) 已经处理过了", en: "the conflict \(id) is already settled")
        }
    }
}
