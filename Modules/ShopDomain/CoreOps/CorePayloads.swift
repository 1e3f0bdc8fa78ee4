/// The ops of the shop's core: creating the shop, its staff and its policy.

/// The first op of a shop: its name, zone and owner (the first staff member, a GM).
public struct ShopCreated: OpPayload {
    public static let kind = "shop.created"
    public static let version = 1

    public var shopName: String
    public var timezone: String
    public var owner: StaffID
    public var ownerName: String
    /// The shop day it was created on; policy defaults are in force from this day.
    public var createdOn: CivilDate

    public init(shopName: String, timezone: String, owner: StaffID, ownerName: String, createdOn: CivilDate) {
        self.shopName = shopName
        self.timezone = timezone
        self.owner = owner
        self.ownerName = ownerName
        self.createdOn = createdOn
    }
}

/// A person joins the shop with one or more roles (ORG-1).
public struct StaffAdded: OpPayload {
    public static let kind = "staff.added"
    public static let version = 1

    public var staff: StaffID
    public var name: String
    public var roles: [Role]
    public var gender: Staff.Gender?
    public var birthDate: CivilDate?

    public init(staff: StaffID, name: String, roles: [Role], gender: Staff.Gender? = nil, birthDate: CivilDate? = nil) {
        self.staff = staff
        self.name = name
        self.roles = roles
        self.gender = gender
        self.birthDate = birthDate
    }
}

/// A person leaves: their history stays, they can no longer act.
public struct StaffDeactivated: OpPayload {
    public static let kind = "staff.deactivated"
    public static let version = 1

    public var staff: StaffID
    public var reason: String?

    public init(staff: StaffID, reason: String? = nil) {
        self.staff = staff
        self.reason = reason
    }
}

/// A policy value changes from a given shop day on; earlier days keep the earlier value.
public struct PolicySet: OpPayload {
    public static let kind = "policy.set"
    public static let version = 1

    public var key: String
    /// The value in its canonical text form (`PolicyValue.description`).
    public var value: String
    public var effectiveFrom: CivilDate

    public init(key: String, value: String, effectiveFrom: CivilDate) {
        self.key = key
        self.value = value
        self.effectiveFrom = effectiveFrom
    }
}

/// A person settles a conflict that a merge parked (DESIGN.md, merging): `current` keeps the
/// state as merged (the op stays without effect); `op` applies the op's effect now.
public struct ConflictResolved: OpPayload {
    public static let kind = "conflict.resolved"
    public static let version = 1
    public enum Keep: String, Sendable, Codable, CaseIterable {
        case current, op
    }
    public var device: DeviceID
    public var seq: Int64
    public var keep: Keep
    public var note: String?
    public init(device: DeviceID, seq: Int64, keep: Keep, note: String? = nil) {
        self.device = device
        self.seq = seq
        self.keep = keep
        self.note = note
    }
}

/// A staff member's terminal PIN, as a salted slow hash (see `PIN`): set by the person or by
/// someone who manages staff.
public struct StaffPINSet: OpPayload {
    public static let kind = "staff.pin-set"
    public static let version = 1
    public var staff: StaffID
    public var salt: String
    public var hash: String
    public var rounds: Int
    public init(staff: StaffID, salt: String, hash: String, rounds: Int) {
        self.staff = staff
        self.salt = salt
        self.hash = hash
        self.rounds = rounds
    }
}
