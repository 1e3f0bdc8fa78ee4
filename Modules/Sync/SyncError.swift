import ShopDomain

/// What the hub or a sync refuses. Each case carries the HTTP status the daemon answers with:
/// a bad request is always a 4xx with a clear JSON error, never a 5xx.
public enum SyncError: Error, Equatable, Sendable {
    case badRequest(String)
    case unauthorized
    case revoked(String)
    case quarantined(String)
    case foreignOps(String)
    case boundElsewhere(String)
    case tooLarge(Int, max: Int)
    case badOp(String)
    case cloned(String)
    case newerSchema([String])
    case oldFormat(Int)
    case unknownDevice(String)
    case notRegistered(String)
    case hubUnreachable(String)
    case hubRefused(status: Int, message: String)
    case tornFile(file: String, line: Int, reason: String)
    case notSynced

    /// The HTTP status the daemon answers with.
    public var status: Int {
        switch self {
        case .badRequest, .newerSchema, .oldFormat, .tornFile, .notSynced: 400
        case .unauthorized: 401
        case .revoked, .foreignOps, .boundElsewhere: 403
        case .unknownDevice, .notRegistered: 404
        case .cloned: 409
        case .tooLarge: 413
        case .badOp: 422
        case .quarantined: 423
        case .hubUnreachable: 503
        case .hubRefused(let status, _): status
        }
    }
}

extension SyncError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .badRequest(let why):
            language.pick(zh: "请求格式不对：\(why)", en: "malformed request: \(why)")
        case .unauthorized:
            language.pick(zh: "缺少或不认识的设备令牌：在中心机上运行 zhanggui device register 取得令牌",
                          en: "missing or unknown device token: get one with zhanggui device register on the hub")
        case .revoked(let name):
            language.pick(zh: "设备“\(name)”的令牌已吊销", en: "the device “\(name)” has been revoked")
        case .quarantined(let name):
            language.pick(zh: "设备“\(name)”已隔离：它的数据库像是被复制过。请店长检查后重新登记",
                          en: "the device “\(name)” is quarantined: its notebook looks copied. Check it, then register it again")
        case .foreignOps(let op):
            language.pick(zh: "这个令牌不能推送其他设备的操作（\(op)）", en: "this token cannot push another device's ops (\(op))")
        case .boundElsewhere(let name):
            language.pick(zh: "令牌“\(name)”已属于另一台设备的数据库", en: "the token “\(name)” belongs to another device's notebook")
        case .tooLarge(let n, let max):
            language.pick(zh: "一次推送 \(n) 条操作，超过上限 \(max)：请分批", en: "\(n) ops in one push, more than \(max): send smaller batches")
        case .badOp(let why):
            language.pick(zh: "操作无效：\(why)", en: "invalid op: \(why)")
        case .cloned(let op):
            language.pick(zh: "操作 \(op) 与中心已有的同号操作不同：这个设备的数据库被复制过，已隔离",
                          en: "op \(op) differs from the op the hub holds under that ID: the notebook was copied; the device is quarantined")
        case .newerSchema(let migrations):
            language.pick(zh: "这个笔记本来自更新版本的掌柜（\(migrations.joined(separator: ", "))）：请先升级中心机",
                          en: "this notebook comes from a newer Zhanggui (\(migrations.joined(separator: ", "))): upgrade the hub first")
        case .oldFormat(let version):
            language.pick(zh: "笔记本文件格式版本 \(version) 太旧：请在笔记本电脑上升级掌柜后重新导出",
                          en: "notebook file format \(version) is too old: upgrade Zhanggui on the laptop and export again")
        case .unknownDevice(let name):
            language.pick(zh: "没有登记的设备“\(name)”：用 zhanggui device list 查看", en: "no registered device “\(name)”: see zhanggui device list")
        case .notRegistered(let device):
            language.pick(zh: "设备 \(device) 没有登记", en: "the device \(device) is not registered")
        case .hubUnreachable(let why):
            language.pick(zh: "连不上中心机：\(why)。数据都还在本机，联网后再同步即可",
                          en: "cannot reach the hub: \(why). Everything stays here; sync again when online")
        case .hubRefused(let status, let message):
            language.pick(zh: "中心机拒绝了（\(status)）：\(message)", en: "the hub refused (\(status)): \(message)")
        case .tornFile(let file, let line, let reason):
            language.pick(zh: "\(file):\(line): 文件在这里断了（\(reason)）：之前的部分已导入，请从笔记本电脑重新导出",
                          en: "\(file):\(line): the file breaks here (\(reason)); the part before it was imported: export again from the laptop")
        case .notSynced:
            language.pick(zh: "这个笔记本还没有和中心同步过：先运行 zhanggui sync --hub 地址 --token 令牌",
                          en: "this notebook has not synced yet: run zhanggui sync --hub URL --token TOKEN first")
        }
    }
}
