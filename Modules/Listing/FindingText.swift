import ShopDomain

extension FolderRule {
    public func title(in language: Language) -> String {
        switch self {
        case .naming: language.pick(zh: "文件名：货号-序号（原片、PSD、JPG）", en: "names: item code + number (raw, PSD, JPG)")
        case .files: language.pick(zh: "图片文件可读且格式与扩展名相符", en: "image files readable and what their names say")
        case .mainWidth: language.pick(zh: "主图宽度", en: "main image width")
        case .details: language.pick(zh: "细节图数量", en: "detail images")
        case .pairs: language.pick(zh: "每个序号都有 PSD 和 JPG", en: "a PSD and a JPG for each number")
        case .backup: language.pick(zh: "另一台电脑上的备份（SHA-256 相同）", en: "backup on another computer (same SHA-256)")
        }
    }
}

extension FolderFinding {
    /// One line about one file (or the folder), in the user's language.
    public func message(in language: Language) -> String {
        let name = file ?? ""
        let found = found ?? "", expected = expected ?? ""
        switch code {
        case "unreadable":
            return language.pick(zh: "\(name)：读不出来（权限或磁盘问题）", en: "\(name): cannot be read (permissions or disk)")
        case "foreign":
            return language.pick(zh: "\(name)：不是“货号-序号”的文件名（应像 \(expected)）", en: "\(name): not named item code + number (like \(expected))")
        case "near-miss":
            return expected.isEmpty
                ? language.pick(zh: "\(name)：文件名差一点对：应为 货号-两位序号.小写扩展名", en: "\(name): almost right: use item code-two-digit number.lowercase extension")
                : language.pick(zh: "\(name)：文件名差一点对，应为 \(expected)", en: "\(name): almost right, should be \(expected)")
        case "not-claimed-format":
            let actual = found.isEmpty ? language.pick(zh: "不是已知的图片格式", en: "no known image format") : found.uppercased()
            return language.pick(zh: "\(name)：扩展名说是 \(expected.uppercased())，内容却是 \(actual)",
                                 en: "\(name): named as \(expected.uppercased()) but it holds \(actual)")
        case "truncated":
            return language.pick(zh: "\(name)：文件不完整（\(found) 字节，头部没读完）", en: "\(name): truncated (\(found) bytes, the header is cut off)")
        case "no-frame-header":
            return language.pick(zh: "\(name)：JPEG 里找不到图像尺寸（SOF）", en: "\(name): the JPEG has no frame header (SOF) with its size")
        case "psd-version":
            return language.pick(zh: "\(name)：PSD 版本 \(found) 不认识", en: "\(name): unknown PSD version \(found)")
        case "width":
            return language.pick(zh: "\(name)：主图宽 \(found) px，应为 \(expected) px（DES-2）", en: "\(name): the main image is \(found) px wide, not \(expected) px (DES-2)")
        case "unmeasured":
            return language.pick(zh: "\(name)：主图读不出宽度，应为 \(expected) px", en: "\(name): the main image's width cannot be read; it must be \(expected) px")
        case "no-main":
            return language.pick(zh: "没有主图 \(expected)", en: "no main image \(expected)")
        case "too-few":
            return language.pick(zh: "细节图只有 \(found) 张，至少 \(expected) 张（DES-3）", en: "only \(found) detail images, at least \(expected) (DES-3)")
        case "no-psd":
            return language.pick(zh: "\(name)：缺少对应的 \(expected)", en: "\(name): its \(expected) is missing")
        case "no-jpg":
            return language.pick(zh: "\(name)：缺少对应的成图 \(expected)", en: "\(name): its finished image \(expected) is missing")
        case "missing":
            return language.pick(zh: "\(name)：备份文件夹里没有", en: "\(name): not in the backup folder")
        case "differs":
            return language.pick(zh: "\(name)：备份与原文件不同（SHA-256 \(found)… ≠ \(expected)…）", en: "\(name): the backup differs (SHA-256 \(found)… ≠ \(expected)…)")
        case "folder-missing":
            return language.pick(zh: "备份文件夹 \(found) 不存在", en: "the backup folder \(found) does not exist")
        case "not-given":
            return language.pick(zh: "没有检查备份：加 --backup 另一台电脑上的文件夹", en: "no backup checked: add --backup with the folder on the other computer")
        default:
            return "\(name) \(code) \(found) \(expected)"
        }
    }
}
