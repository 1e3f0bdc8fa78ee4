/// Short, readable IDs for records people type (`R20261130-7F3A2B`, `H-3F2A1B`): random enough
/// that two offline devices never collide in a small shop, short enough to read out.
public enum ShortID {
    /// `PREFIX` + `YYYYMMDD-` when a day is given + six hex digits.
    public static func make(_ prefix: String, day: CivilDate? = nil, ids: IDSource) -> String {
        let random = ids.next(DeviceID.self).rawValue.replacingOccurrences(of: "-", with: "").prefix(6).uppercased()
        guard let day else { return "\(prefix)-\(random)" }
        return "\(prefix)\(day.description.replacingOccurrences(of: "-", with: ""))-\(random)"
    }
}
