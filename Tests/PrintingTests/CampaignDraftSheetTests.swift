import ShopDomain
import Testing
@testable import Printing

/// The campaign draft sheet (CAMP-1): the declaration, images, the content hash, six boxes.
@Suite struct CampaignDraftSheetTests {
    func sheet(signed: Int) -> CampaignDraftSheet {
        let steps = [("申报", "declare", "技术主管"), ("审批", "approve", "总经理"), ("初审", "first review", "客服主管/客服"),
                     ("图文设计", "design", "美工"), ("校对", "proofread", "技术主管"), ("定稿", "finalize", "总经理")]
        return CampaignDraftSheet(
            campaign: "CP-1", name: "双十二<聚划算>", platform: "聚划算", dates: "2026-12-10 — 2026-12-12", requirements: "主图 800×800\n白底",
            items: [.init(sku: "AF1023-WHT-M", product: "雪纺衫 白色 M", price: Money(yuan: 59))], budget: Money(yuan: 500), fee: "5%",
            declaredBy: "史文龙", contentHash: String(repeating: "ab", count: 32),
            files: [.init(name: "main.png", sha256: String(repeating: "c", count: 64), source: "data:image/png;base64,AAAA"),
                    .init(name: "notes.txt", sha256: String(repeating: "d", count: 64), source: nil)],
            boxes: steps.enumerated().map { index, step in
                index < signed ? .init(stepZh: step.0, stepEn: step.1, role: step.2, signer: "签字人\(index)", signedAt: "2026-11-30 10:0\(index)",
                                       hash: String(repeating: "ab", count: 32), note: index == 1 ? "已过时，需重签 stale" : nil)
                    : .init(stepZh: step.0, stepEn: step.1, role: step.2)
            },
            liveNote: nil, printedAt: "2026-11-30 15:00")
    }

    @Test func thePageHoldsTheDeclarationImagesHashAndSixBoxes() {
        let html = sheet(signed: 3).html()
        #expect(html.contains("size: A4"))
        #expect(html.contains("双十二&lt;聚划算&gt;"))  // escaped
        #expect(html.contains("AF1023-WHT-M") && html.contains("59.00"))
        #expect(html.contains("<img src=\"data:image/png;base64,AAAA\" alt=\"main.png\">"))
        #expect(html.contains("<div class=\"noimage\">notes.txt</div>"))
        #expect(html.contains(String(repeating: "ab", count: 32)))
        #expect(html.components(separatedBy: "<div class=\"box\">").count == 7)
        for step in ["申报", "审批", "初审", "图文设计", "校对", "定稿"] { #expect(html.contains(">\(step)<small>")) }
        #expect(html.contains("签字人0") && html.contains("签字人2") && !html.contains("签字人3"))
        #expect(html.components(separatedBy: "<div class=\"who blank\"></div>").count == 4)  // three blank boxes
        #expect(html.contains("已过时，需重签"))
        #expect(!html.contains("<script"))
    }

    @Test func anUnattachedDraftSaysSo() {
        var s = sheet(signed: 0)
        s.files = []
        #expect(s.html().contains("尚未附上稿件"))
    }
}
