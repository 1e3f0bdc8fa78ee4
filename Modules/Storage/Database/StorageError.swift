import ShopDomain

/// What the database refuses, in words a person can act on.
public enum StorageError: Error, Equatable, Sendable {
    case databaseMissing(path: String)
    case databaseExists(path: String)
    case notAShopDatabase(path: String)
    case newerSchema(path: String)
    /// The file's states apart (issue 19): each says what to do.
    case permissionDenied(path: String)
    case truncated(path: String, size: Int64, expected: Int64?)
    case damaged(path: String, detail: String)
    case readOnly(path: String)
    case readOnlyNeedsUpgrade(path: String)
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
            return language.pick(zh: "\(path) 不是掌柜的店铺文件（不是 SQLite 数据库，或里面没有店铺）：请检查 --db 路径；新建店铺用 zhanggui init",
                                 en: "\(path) is not a Zhanggui shop file (not an SQLite database, or no shop in it): check the --db path; zhanggui init makes a new shop")
        case .newerSchema(let path):
            return language.pick(zh: "\(path) 已由更新版本的掌柜升级过（有本程序不认识的数据库迁移）：请升级本程序；旧版本不会读写它",
                                 en: "\(path) was upgraded by a newer Zhanggui (it has migrations this program does not know): upgrade this program; an older one neither reads nor writes it")
        case .permissionDenied(let path):
            return language.pick(zh: "没有权限读取 \(path)：请检查文件的所有者和权限（ls -l \(path)），或用有权限的账户运行",
                                 en: "permission denied: this account may not read \(path); check its owner and mode (ls -l \(path)) or run as an account that may")
        case .truncated(let path, let size, let expected):
            let sizes = expected.map { language.pick(zh: "只有 \(size) 字节，应有 \($0) 字节", en: "\(size) bytes of \($0)") }
                ?? language.pick(zh: "只有 \(size) 字节", en: "only \(size) bytes")
            return language.pick(zh: "\(path) 不完整（\(sizes)）：文件在复制或传输时被截断了。请从备份恢复：用 --db 打开 zhanggui backup --to 做的备份文件，或把它复制回 \(path)",
                                 en: "\(path) is truncated (\(sizes)): it was cut off while copied or moved. Restore from a backup: open the file zhanggui backup --to made with --db, or copy it back over \(path)")
        case .damaged(let path, let detail):
            return language.pick(zh: "\(path) 已损坏（SQLite：\(detail)）：为免损坏扩散，不再写入。请从备份恢复：用 --db 打开 zhanggui backup --to 做的备份文件，或把它复制回 \(path)；笔记本也可以新建后从中心机同步",
                                 en: "\(path) is damaged (SQLite: \(detail)): nothing more is written into it. Restore from a backup: open the file zhanggui backup --to made with --db, or copy it back over \(path); a notebook can also start afresh and sync from the hub")
        case .readOnly(let path):
            return language.pick(zh: "\(path) 是只读文件：可以查看，不能写入。要写入，请给它写权限（chmod u+w \(path)）",
                                 en: "\(path) is read-only: it can be read but not written. To write, make it writable (chmod u+w \(path))")
        case .readOnlyNeedsUpgrade(let path):
            return language.pick(zh: "\(path) 是只读文件，而本程序要先升级它的数据库结构：请给它写权限（chmod u+w \(path)）后再运行",
                                 en: "\(path) is read-only and this program must first upgrade its schema: make it writable (chmod u+w \(path)) and run again")
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
