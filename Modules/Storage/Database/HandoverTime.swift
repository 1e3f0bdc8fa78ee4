import Foundation

/// The instant a handover summary is taken (the database's clock), for a module whose figures
/// depend on the day — an overdue listing (DES-1). Bound by `ShopDatabase.handoverFigures()`
/// around every module's `handoverFigures`.
public enum HandoverTime {
    @TaskLocal public static var now: Date?
}
