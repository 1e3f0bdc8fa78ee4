import Foundation
import ShopDomain

/// One signature or rejection of a step, as the chain shows it.
public struct CampaignSignature: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case signed, rejected
    }
    public var step: CampaignStep
    public var outcome: Outcome
    public var signer: String
    public var signerName: String
    /// The draft's content hash as it stood when signed (CAMP-1).
    public var contentHash: String
    public var declarationHash: String
    /// The draft's files when signed: what changed since is their difference with now.
    public var files: [CampaignContent.File]
    public var reason: String?
    public var at: Date
}

/// Where the chain stands, step by step (CAMP-1): what is signed on the current content, what a
/// change of the draft made stale, what waits.
public struct CampaignChain: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Signed on the content as it is now, every step before it too.
        case signed
        /// Signed, but on content that has changed since (or after a step that must sign again).
        case stale
        /// Rejected with a reason: the chain went back.
        case rejected
        /// Not signed yet.
        case pending
    }

    public struct Step: Sendable, Equatable, Codable {
        public var step: CampaignStep
        public var status: Status
        public var signature: CampaignSignature?
    }

    public var steps: [Step]
    /// The step that must sign next; nil when 定稿 stands on the current content.
    public var next: CampaignStep?

    public var finalized: Bool { next == nil }

    /// The chain from each step's standing signature and the content as it is now.
    public init(signatures: [CampaignSignature], contentHash: String, declarationHash: String) {
        var steps: [Step] = []
        var valid = true
        var next: CampaignStep?
        for step in CampaignStep.allCases {
            let signature = signatures.last { $0.step == step }
            let status: Status
            switch signature?.outcome {
            case .signed?:
                let bound = step.coversFiles ? signature!.contentHash == contentHash : signature!.declarationHash == declarationHash
                status = bound && valid ? .signed : .stale
            case .rejected?: status = .rejected
            case nil: status = .pending
            }
            if status != .signed, valid {
                valid = false
                next = step
            }
            steps.append(Step(step: step, status: status, signature: signature))
        }
        self.steps = steps
        self.next = next
    }

    public subscript(step: CampaignStep) -> Step { steps[step.index] }

    /// The steps whose signatures the current content made stale.
    public var stale: [CampaignStep] { steps.filter { $0.status == .stale }.map(\.step) }

    /// The last standing signature before `step` that covers the files, for "what changed since".
    public var lastSignature: CampaignSignature? {
        steps.compactMap(\.signature).filter { $0.outcome == .signed }.max { ($0.at, $0.step) < ($1.at, $1.step) }
    }
}

/// What changed in the draft's files between a signature and now.
public struct DraftChanges: Sendable, Equatable, Codable {
    public var added: [String]
    public var removed: [String]
    public var changed: [String]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from old: [CampaignContent.File], to new: [CampaignContent.File]) {
        let before = Dictionary(old.map { ($0.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        added = after.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { after[$0] == nil }.sorted()
        changed = after.keys.filter { before[$0] != nil && before[$0] != after[$0] }.sorted()
    }
}
