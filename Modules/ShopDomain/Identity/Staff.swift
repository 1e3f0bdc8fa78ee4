/// A person working in the shop, with one or more roles (ORG-1).
public struct Staff: Sendable, Equatable, Codable, Identifiable {
    public var id: StaffID
    public var name: String
    public var roles: [Role]
    public var gender: Gender?
    /// `YYYY-MM-DD`; used for leave rules (HR-3).
    public var birthDate: CivilDate?
    public var active: Bool

    public init(id: StaffID, name: String, roles: [Role], gender: Gender? = nil, birthDate: CivilDate? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.roles = roles
        self.gender = gender
        self.birthDate = birthDate
        self.active = active
    }

    public func may(_ permission: Permission) -> Bool {
        active && roles.contains { $0.permissions.contains(permission) }
    }

    public enum Gender: String, Sendable, Codable, CaseIterable {
        case female = "f", male = "m"
    }

    /// A staff name: 1 to 32 characters, no control characters, not only digits or spaces.
    public static func validateName(_ name: String) throws(StaffError) -> String {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptyName }
        guard trimmed.count <= 32 else { throw .nameTooLong(trimmed) }
        // C0 and C1 controls (what general category Cc holds), without a Unicode property lookup.
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw .badName(trimmed)
        }
        return trimmed
    }

    /// Parses `cs-agent,shipper` or `客服,发货` into distinct roles in catalogue order.
    public static func parseRoles(_ text: String) throws(StaffError) -> [Role] {
        var roles: Set<Role> = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            let name = part.trimmingWhitespace()
            guard !name.isEmpty else { continue }
            guard let role = Role(parsing: name) else { throw .unknownRole(name) }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw .noRole }
        return roles.sorted()
    }
}

/// Why a staff record was refused.
public enum StaffError: Error, Equatable, Sendable {
    case emptyName
    case nameTooLong(String)
    case badName(String)
    case unknownRole(String)
    case noRole
}

extension StaffError: ShopError {
    public func message(in language: Language) -> String {
        let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .emptyName:
            return language.pick(zh: "姓名为空：请填写员工姓名", en: "the name is empty: give the person's name")
        case .nameTooLong(let name):
            return language.pick(zh: "姓名“\(name)”太长：最多 32 个字", en: "the name “\(name)” is too long: 32 characters at most")
        case .badName(let name):
            return language.pick(zh: "姓名“\(name)”含有控制字符", en: "the name “\(name)” contains control characters")
        case .unknownRole(let role):
            return language.pick(zh: "没有“\(role)”这个岗位：可选 \(roles)", en: "there is no role “\(role)”: choose from \(roles)")
        case .noRole:
            return language.pick(zh: "没有给出岗位：用 --role 指定，例如 --role cs-agent", en: "no role given: use --role, e.g. --role cs-agent")
        }
    }
}
