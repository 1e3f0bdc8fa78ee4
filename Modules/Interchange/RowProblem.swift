import ShopDomain

/// What is wrong with one cell of an imported row, in both languages. Readers turn it into an
/// `InterchangeError.RowError`, which adds `file:line`.
public enum RowProblem: ShopError, Equatable {
    /// A required cell is empty.
    case missing(column: String)
    /// Excel turned a long number into `1.93E+18`: the digits are lost.
    case scientificNumber(column: String, text: String)
    /// An order number that is not 16 to 19 digits.
    case badOrderNumber(column: String, text: String)
    case badMoney(column: String, MoneyError)
    case badTime(column: String, text: String)
    case badDate(column: String, text: String)
    case unknownStatus(column: String, text: String)
    case badCount(column: String, text: String)
    case badWeight(column: String, text: String)
    /// A number beyond `InputLimits` (issue 19): the limit is named.
    case tooLarge(column: String, text: String, limit: String)

    public func message(in language: Language) -> String {
        switch self {
        case .missing(let column):
            language.pick(zh: "“\(column)”为空：这一列必须填写", en: "“\(column)” is empty: this column is required")
        case .scientificNumber(let column, let text):
            language.pick(zh: "“\(column)”是 \(text)：Excel 把长数字改成了科学计数法，后几位已丢失；请使用卖家中心导出的原始文件，不要用 Excel 另存",
                          en: "“\(column)” is \(text): Excel turned the long number into scientific form and digits were lost; use the original export from the seller centre, not a copy re-saved by Excel")
        case .badOrderNumber(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是订单编号：订单编号是 16 到 19 位数字",
                          en: "“\(column)” “\(text)” is not an order number: order numbers have 16 to 19 digits")
        case .badMoney(let column, let error):
            language.pick(zh: "“\(column)”：\(error.message(in: .zh))", en: "“\(column)”: \(error.message(in: .en))")
        case .badTime(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是时间：应写成 2016-05-23 22:02:11 或 2016/5/23 22:02",
                          en: "“\(column)” “\(text)” is not a time: write it as 2016-05-23 22:02:11 or 2016/5/23 22:02")
        case .badDate(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是日期：应写成 2026-11-30 或 2026/11/30",
                          en: "“\(column)” “\(text)” is not a date: write it as 2026-11-30 or 2026/11/30")
        case .unknownStatus(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是已知的淘宝订单状态：请把这个状态告诉管理员",
                          en: "“\(column)” “\(text)” is not a known Taobao order status: tell the administrator about it")
        case .badCount(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是正整数", en: "“\(column)” “\(text)” is not a positive whole number")
        case .badWeight(let column, let text):
            language.pick(zh: "“\(column)”的“\(text)”不是重量：应写成千克数，如 1.2 或 1.2kg",
                          en: "“\(column)” “\(text)” is not a weight: write kilograms such as 1.2 or 1.2kg")
        case .tooLarge(let column, let text, let limit):
            language.pick(zh: "“\(column)”的“\(text)”太大：上限是 \(limit)", en: "“\(column)” “\(text)” is too large: the limit is \(limit)")
        }
    }
}
