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
    /// A request body over the byte limit (`bytes` when the request said its length).
    case bodyTooLarge(bytes: Int?, max: Int)
    /// More ops in one push than the op limit.
    case tooManyOps(Int, max: Int)
    /// A device field that is not a device ID as notebooks make them (a lowercase UUID).
    case malformedDevice(String)
    /// A token asked to bind to a notebook another registered device already holds.
    case notebookTaken(notebook: String, name: String)
    case badOp(String)
    /// The hub's store of record (PostgreSQL) did not take the batch or answer the pull: nothing
    /// was merged, the device syncs again later.
    case storeUnavailable(String)
    case cloned(String)
    case newerSchema([String])
    case oldFormat(Int)
    case unknownDevice(String)
    case notRegistered(String)
    case hubUnreachable(String)
    case hubRefused(status: Int, message: String)
    case tornFile(file: String, line: Int, reason: String)
    case notSynced
    /// Hub files (`notebook export --for`) and where they may be imported.
    case notBound(String)
    case pastHubHead(after: Int64, last: Int64)
    case notTheHub
    case hubFileAtHub(String)
    case wrongDevice(name: String, device: String, here: String)
    case otherHub(String)
    case newerHub([String])
    case gap(first: Int64, pulled: Int64)
    case tornHubFile(file: String, line: Int, reason: String)

    /// The HTTP status the daemon answers with.
    public var status: Int {
        switch self {
        case .badRequest, .malformedDevice, .newerSchema, .oldFormat, .tornFile, .notSynced, .pastHubHead, .newerHub, .gap, .tornHubFile: 400
        case .unauthorized: 401
        case .revoked, .foreignOps, .boundElsewhere, .notebookTaken: 403
        case .notTheHub, .hubFileAtHub, .wrongDevice, .otherHub: 403
        case .unknownDevice, .notRegistered: 404
        case .notBound: 409
        case .cloned: 409
        case .bodyTooLarge, .tooManyOps: 413
        case .badOp: 422
        case .quarantined: 423
        case .hubUnreachable, .storeUnavailable: 503
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
        case .bodyTooLarge(let bytes?, let max):
            language.pick(zh: "请求体有 \(bytes) 字节，超过一次推送的上限 \(max) 字节（\(max / 1_048_576) MiB）：请分批推送",
                          en: "the request body is \(bytes) bytes, more than the \(max) bytes (\(max / 1_048_576) MiB) one push may carry: send fewer ops per push")
        case .bodyTooLarge(nil, let max):
            language.pick(zh: "请求体超过一次推送的上限 \(max) 字节（\(max / 1_048_576) MiB）：请分批推送",
                          en: "the request body is more than the \(max) bytes (\(max / 1_048_576) MiB) one push may carry: send fewer ops per push")
        case .tooManyOps(let n, let max):
            language.pick(zh: "一次推送 \(n) 条操作，超过上限 \(max) 条：请分批", en: "\(n) ops in one push, more than the \(max) ops one push may carry: send smaller batches")
        case .malformedDevice(let text):
            language.pick(zh: "“\(text.prefix(60))”不是设备号：设备号是笔记本建立时生成的 UUID（小写，例如 3f2b8c1e-0d4a-4f6b-9c7e-1a2b3c4d5e6f），由 zhanggui sync 自动发送",
                          en: "“\(text.prefix(60))” is not a device ID: a notebook's device ID is the lowercase UUID made when it was created (like 3f2b8c1e-0d4a-4f6b-9c7e-1a2b3c4d5e6f), sent by zhanggui sync")
        case .notebookTaken(let notebook, let name):
            language.pick(zh: "笔记本 \(notebook) 已经登记为设备“\(name)”：请用那台设备的令牌，或先吊销它（zhanggui device revoke \(name)）",
                          en: "the notebook \(notebook) is already registered as “\(name)”: use that device's token, or revoke it first (zhanggui device revoke \(name))")
        case .badOp(let why):
            language.pick(zh: "操作无效：\(why)", en: "invalid op: \(why)")
        case .storeUnavailable(let why):
            language.pick(zh: "中心机的存储暂时不可用，什么都没有合并：\(why)。稍后再同步即可，数据都还在笔记本上",
                          en: "the hub's store of record is unavailable, so nothing was merged: \(why). Sync again later; everything stays on the notebook")
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
        case .tornHubFile(let file, let line, let reason):
            language.pick(zh: "\(file):\(line): 文件在这里断了（\(reason)）：之前的部分已导入，请在中心机重新导出",
                          en: "\(file):\(line): the file breaks here (\(reason)); the part before it was imported: export again at the hub")
        case .notSynced:
            language.pick(zh: "这个笔记本还没有和中心同步过：先运行 zhanggui sync --hub 地址 --token 令牌",
                          en: "this notebook has not synced yet: run zhanggui sync --hub URL --token TOKEN first")
        case .notBound(let name):
            language.pick(zh: "中心机还不知道“\(name)”是哪个笔记本：让它联网同步一次，或在中心机用 zhanggui notebook import 文件 --device \(name) 导入它导出的笔记本文件",
                          en: "the hub does not know yet which notebook “\(name)” is: sync it once over the network, or import a notebook file it exported with zhanggui notebook import FILE --device \(name)")
        case .pastHubHead(let after, let last):
            language.pick(zh: "--after \(after) 超过了中心机最后一条操作（\(last)）：用笔记本电脑上 zhanggui sync status 显示的“已拉取到”",
                          en: "--after \(after) is past the hub's last op (\(last)): use the “pulled up to” that zhanggui sync status shows on the laptop")
        case .notTheHub:
            language.pick(zh: "这个数据库不是中心机（店铺不是在这里建的）：笔记本文件要在中心机导入，--for 导出也只在中心机做；这台电脑只导入中心机为它导出的文件",
                          en: "this database is not the hub (the shop was not created here): notebook files are imported, and --for files exported, at the hub; this computer imports only files the hub made for it")
        case .hubFileAtHub(let name):
            language.pick(zh: "这是中心机为“\(name)”导出的文件：请带到那台笔记本电脑上导入，不要在中心机导入",
                          en: "this file is the hub's ops for “\(name)”: import it on that laptop, not at the hub")
        case .wrongDevice(let name, let device, let here):
            language.pick(zh: "这个文件是给“\(name)”（设备 \(device)）的，不是这个笔记本（\(here)）：请在中心机用 zhanggui notebook export 文件 --for \(here) 重新导出",
                          en: "this file is for “\(name)” (device \(device)), not this notebook (\(here)): export again at the hub with zhanggui notebook export FILE --for \(here)")
        case .otherHub(let shop):
            language.pick(zh: "这个文件来自另一个店铺的中心机（\(shop)）：请用本店中心机导出的文件",
                          en: "this file comes from another shop's hub (\(shop)): use a file from this shop's hub")
        case .newerHub(let migrations):
            language.pick(zh: "这个文件来自更新版本的掌柜（\(migrations.joined(separator: ", "))）：请先升级这台电脑上的掌柜",
                          en: "this file comes from a newer Zhanggui (\(migrations.joined(separator: ", "))): upgrade Zhanggui on this computer first")
        case .gap(let first, let pulled):
            language.pick(zh: "文件从中心第 \(first) 条开始，但这个笔记本只拉取到第 \(pulled) 条，中间缺了：请从中心机重新导出（zhanggui notebook export 文件 --for 本设备 --after \(pulled)）",
                          en: "the file starts at hub op \(first) but this notebook has pulled only up to \(pulled), so ops are missing between: export again from the hub (zhanggui notebook export FILE --for THIS-DEVICE --after \(pulled))")
        }
    }
}
