import ShopDomain

/// A money option refused, naming the option (issue 19): `--price “-89” is negative …`.
struct OptionMoneyError: ShopError {
    var option: String
    var error: MoneyError

    func message(in language: Language) -> String {
        option + language.pick(zh: "：", en: ": ") + error.message(in: language)
    }
}

/// Parses a money option as people write it, within `InputLimits.money`.
func money(_ text: String, _ option: String, allowNegative: Bool = false) throws -> Money {
    do {
        return try Money.parse(text, allowNegative: allowNegative)
    } catch {
        throw OptionMoneyError(option: option, error: error)
    }
}
