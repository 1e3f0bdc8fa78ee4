import Crypto
import Foundation
import GRDB
import ShopDomain
import Storage

/// Building the approval ops from what a person does, for the CLI and the TUI alike: the payload
/// carries the content hash as it stands, and the draft's files are hashed (and checked again
/// before a signature) on the device where they are.
public enum CampaignActions {
    /// The files of a draft: each path a file, or a folder whose files (not hidden, at any depth)
    /// are taken by their path inside it.
    public static func draftFiles(_ paths: [String]) throws -> [DraftFile] {
        var files: [DraftFile] = []
        let manager = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { throw ApprovalError.fileMissing(path) }
            if isFolder.boolValue {
                let found = (manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])?
                    .compactMap { $0 as? URL } ?? [])
                    .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                    .map(\.standardizedFileURL)
                    .sorted { $0.path < $1.path }
                guard !found.isEmpty else { throw ApprovalError.emptyDraft(path) }
                for file in found {
                    let name = String(file.path.dropFirst(url.path.count).drop { $0 == "/" })
                    files.append(try draftFile(file, name: name))
                }
            } else {
                files.append(try draftFile(url, name: url.lastPathComponent))
            }
        }
        return files
    }

    private static func draftFile(_ url: URL, name: String) throws -> DraftFile {
        guard let data = manager(url) else { throw ApprovalError.fileMissing(url.path) }
        return DraftFile(name: name, path: url.path, sha256: SHA256.hash(data: data).hexString, bytes: Int64(data.count))
    }

    private static func manager(_ url: URL) -> Data? { try? Data(contentsOf: url) }

    /// Checks each attached file where this device has it: changed since it was attached is
    /// refused; missing is refused when `requirePresent` (the designer signing 图文设计).
    public static func verify(_ files: [DraftFile], requirePresent: Bool) throws {
        for file in files {
            guard let data = manager(URL(fileURLWithPath: file.path)) else {
                if requirePresent { throw ApprovalError.fileMissing(file.path) }
                continue
            }
            guard SHA256.hash(data: data).hexString == file.sha256 else { throw ApprovalError.fileChanged(file.path) }
        }
    }

    public static func contentHash(_ db: Database, _ campaign: String) throws -> String {
        try CampaignStore.load(db, campaign).contentHash
    }

    /// `campaign attach`: the files as they are now, on the content as it stands.
    public static func attach(_ db: Database, _ campaign: String, paths: [String]) throws -> CampaignDraftAttached {
        let record = try CampaignStore.load(db, campaign)
        return CampaignDraftAttached(campaign: campaign, files: try draftFiles(paths), basedOn: record.contentHash)
    }

    /// `campaign amend`: the new declaration on the content as it stands.
    public static func amend(_ db: Database, _ campaign: String, _ change: (inout CampaignDeclaration) throws -> Void) throws -> CampaignAmended {
        let record = try CampaignStore.load(db, campaign)
        var declaration = record.declaration
        try change(&declaration)
        return CampaignAmended(campaign: campaign, declaration: declaration, basedOn: record.contentHash)
    }

    public static func declaration(_ db: Database, _ campaign: String) throws -> CampaignDeclaration {
        try CampaignStore.load(db, campaign).declaration
    }

    /// `campaign sign`: a signature on the content as it stands, after the files are checked.
    public static func sign(_ db: Database, _ campaign: String, step: CampaignStep) throws -> CampaignSigned {
        let record = try CampaignStore.load(db, campaign)
        if step.coversFiles {
            guard !record.files.isEmpty else { throw ApprovalError.noDraft }
            try verify(record.files, requirePresent: step == .design)
        }
        return CampaignSigned(campaign: campaign, step: step, contentHash: record.contentHash)
    }

    public static func reject(_ db: Database, _ campaign: String, step: CampaignStep, reason: String) throws -> CampaignRejected {
        CampaignRejected(campaign: campaign, step: step, contentHash: try contentHash(db, campaign), reason: reason)
    }

    public static func goLive(_ db: Database, _ campaign: String, override: String?) throws -> CampaignWentLive {
        CampaignWentLive(campaign: campaign, contentHash: try contentHash(db, campaign), override: override)
    }

    /// `campaign error`: the error with the fines CAMP-2 books for it, from the chain as it stood.
    public static func recordError(_ db: Database, _ campaign: String, what: String,
                                   kind: CampaignErrorRecorded.Kind) throws -> CampaignErrorRecorded {
        guard !what.trimmingWhitespace().isEmpty else { throw ApprovalError.emptyError }
        let id = CampaignErrorID.make(campaign: campaign, what: what)
        let (signed, claims) = try CampaignLiability.claims(db, campaign: campaign, error: id, what: what.trimmingWhitespace())
        return CampaignErrorRecorded(campaign: campaign, error: id, what: what.trimmingWhitespace(), errorKind: kind, signed: signed, claims: claims)
    }
}
