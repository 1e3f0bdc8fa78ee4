/// Small formatting shared by the pages.
enum Printed {
    /// A length or ratio with at most three decimals and no trailing zeros: `39.93`, `15`, `45.455`.
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        var text = sign + String(magnitude / 1000)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return text }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let padded = String(fraction)
        text += "." + String(repeating: "0", count: digits - padded.count) + padded
        return text
    }

    /// Grams as kilograms: `1250` → `1.25 kg`.
    static func kilograms(grams: Int) -> String {
        number(Double(grams) / 1000) + " kg"
    }

    /// The fonts every page asks for: CJK first so Chinese is never drawn in a fallback face.
    static let fontStack = #""Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif"#
}
