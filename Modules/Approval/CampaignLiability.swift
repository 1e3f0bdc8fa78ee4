import Foundation
import GRDB
import ShopDomain
import Storage

/// Who pays for an error on a live page (CAMP-2, DISC-3), from the chain as it stood when the page
/// went live. Live without the signatures (the GM's override): everyone in the chain jointly —
/// the GM, the lead, sales, the designer, each at the policy in force that day. Live signed: each
/// person who reviewed (初审) or proofread (校对) it and missed the error.
public enum CampaignLiability {
    public static func claims(_ db: Database, campaign: String, error: String, what: String) throws -> (signed: Bool, claims: [FineClaim]) {
        let record = try CampaignStore.load(db, campaign)
        guard record.isLive else { throw ApprovalError.notLive(campaign) }
        let signatures = try CampaignStore.signatures(db, campaign).filter { $0.outcome == .signed }
        func signer(_ step: CampaignStep) -> String? { signatures.last { $0.step == step }?.signer }
        let signed = record.liveOverride == nil
        var people: [(staff: String, key: String)] = []
        if signed {
            people = [signer(.review), signer(.proofread)].compactMap { $0.map { ($0, "CAMP-2.fine.missed-review") } }
        } else {
            let draftBy = try String.fetchOne(db, sql: "SELECT draftBy FROM campaign WHERE id = ?", arguments: [campaign])
            let roles: [(String?, String)] = [
                (record.liveBy, "gm"), (signer(.approve), "gm"), (signer(.finalize), "gm"),
                (record.declaredBy, "lead"), (signer(.declare), "lead"), (signer(.proofread), "lead"),
                (signer(.review), "sales"),
                (signer(.design) ?? draftBy, "designer"),
            ]
            people = roles.compactMap { staff, role in staff.map { ($0, "CAMP-2.fine.unsigned.\(role)") } }
        }
        var seen: Set<String> = []
        let ref = "\(campaign)/\(error)"
        let name = record.declaration.name
        let how: (zh: String, en: String) = signed ? ("签字上线但审校漏错", "signed, missed in review") : ("未签字上线", "live without the signatures")
        let claims = people.filter { seen.insert("\($0.staff) \($0.key)").inserted }.map { person in
            FineClaim(staff: StaffID(rawValue: person.staff), rule: "CAMP-2", amount: .policy(person.key), ref: ref,
                      reasonZh: "活动 \(name)（\(campaign)）页面错误，\(how.zh)：\(what)",
                      reasonEn: "campaign \(name) (\(campaign)) page error, \(how.en): \(what)")
        }
        return (signed, claims)
    }
}
