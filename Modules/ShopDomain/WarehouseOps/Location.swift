/// A shelf position (WH-3): `A-03-2` = zone A, shelf 03, bin 2. Zones are letters; shelves and
/// bins are numbers. Special stores such as the defective stock have their own zone (`X-01-1`).
public struct LocationCode: TypedID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static func parse(_ text: String) throws(LocationError) -> LocationCode {
        let code = text.trimmingWhitespace().uppercased()
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              (1...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLetter }),
              (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              (1...3).contains(parts[2].count), parts[2].allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw .badCode(text.trimmingWhitespace()) }
        return LocationCode(rawValue: code)
    }

    public var zone: String { String(rawValue.prefix { $0 != "-" }) }
}

/// What stock in a location is for. Only sellable stock counts as available (WH-5).
public enum LocationKind: String, Sendable, Codable, CaseIterable {
    case sellable
    /// 残次库 (WH-5).
    case defective
    case returns
    case quarantine

    public func title(in language: Language) -> String {
        switch self {
        case .sellable: language.pick(zh: "可售", en: "sellable")
        case .defective: language.pick(zh: "残次", en: "defective")
        case .returns: language.pick(zh: "退货", en: "returns")
        case .quarantine: language.pick(zh: "待检", en: "quarantine")
        }
    }

    public init?(parsing text: String) {
        let key = text.trimmingWhitespace().lowercased()
        if let kind = LocationKind(rawValue: key) { self = kind; return }
        switch key {
        case "可售": self = .sellable
        case "残次", "残次库": self = .defective
        case "退货": self = .returns
        case "待检", "隔离": self = .quarantine
        default: return nil
        }
    }
}

public enum LocationError: Error, Equatable, Sendable {
    case badCode(String)
    case badKind(String)
}

extension LocationError: ShopError {
    public func message(in language: Language) -> String {
        switch self {
        case .badCode(let code):
            language.pick(zh: "库位“\(code)”格式不对：应为 区-架-位，例如 A-03-2",
                          en: "the location “\(code)” is not zone-shelf-bin, e.g. A-03-2")
        case .badKind(let kind):
            language.pick(zh: "库位类型“\(kind)”不对：可选 sellable、defective、returns、quarantine",
                          en: "the location kind “\(kind)” is not one of sellable, defective, returns, quarantine")
        }
    }
}
