/// The content a campaign's signatures bind (CAMP-1): the declaration and the draft's files by
/// their SHA-256, in one canonical form (sorted keys; items by SKU, files by name), hashed.
public struct CampaignContent: Sendable, Equatable, Codable {
    public var format = "zhanggui-campaign/1"
    public var declaration: CampaignDeclaration
    /// Name and SHA-256 of each file (not where a device keeps it: the same draft on two devices
    /// has one hash).
    public var files: [File]

    public struct File: Sendable, Equatable, Codable {
        public var name: String
        public var sha256: String
    }

    public init(declaration: CampaignDeclaration, files: [DraftFile]) {
        var declaration = declaration
        declaration.items.sort { $0.sku.rawValue < $1.sku.rawValue }
        self.declaration = declaration
        self.files = files.map { File(name: $0.name, sha256: $0.sha256) }.sorted { ($0.name, $0.sha256) < ($1.name, $1.sha256) }
    }

    /// SHA-256 of the canonical JSON form, lowercase hex.
    public var hash: String { ContentHash.of(CanonicalJSON.encode(self)) }

    /// The hash of the declaration alone: what 申报, 审批 and 初审 sign before there is a page.
    public var declarationHash: String { CampaignContent(declaration: declaration, files: []).hash }
}

/// An error's identity, derived from what it is (CAMP-2): the campaign and the error's text,
/// normalized (whitespace removed — Chinese has none between words — and case folded), so the same error recorded on two devices has
/// one ID and is booked once.
public enum CampaignErrorID {
    public static func make(campaign: String, what: String) -> String {
        "E-" + String(ContentHash.of(campaign + "\n" + normalized(what)).prefix(12))
    }

    public static func normalized(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }).lowercased()
    }
}
