import ShopDomain
import Testing
@testable import Printing

@Suite struct EvidenceSheetTests {
    @Test func containsTheTrade() {
        let sheet = Samples.evidence
        let html = sheet.html()
        let text = PageText.visible(html)
        #expect(html.contains("@page { size: A4 portrait"))
        #expect(text.contains("快递丢件/破损索赔证明"))
        #expect(text.contains("☑ 破损"))
        #expect(text.contains("☐ 丢件"))
        for fact in ["CL-20261203-02", "2026-12-03 15:40", "中通快递", "73610555582883", "3921448577102938471", "tb_xiaoyan88",
                     "王晓燕", "138 0571 2233", "华星时代广场", "310012", "AF1023/白色/XL", "159.00", "318.00", "89.50",
                     "407.50", "398.00", "8.00", "1.25 kg", "6.00", "2026-11-30", "赵师傅", "李娟", "外箱破损",
                     "寄件方（店铺）签章", "快递网点/快递员签字"] {
            #expect(text.contains(fact), "\(fact)")
        }
        #expect(html.contains("<svg"))
        #expect(sheet.itemsAmount == Money(fen: 40750))
        #expect(sheet.pieces == 3)
    }

    @Test func unknownPickupFactsLeaveBlanks() {
        var sheet = Samples.evidence
        sheet.kind = .lost
        sheet.pickupWeightGrams = nil
        sheet.pickupFee = nil
        sheet.pickupCourier = nil
        sheet.packer = nil
        sheet.description = "<script>x</script>"
        let html = sheet.html()
        #expect(PageText.visible(html).contains("☑ 丢件"))
        #expect(PageText.count("class=\"blank\"", in: html) == 4)
        #expect(!html.contains("<script"))
    }

    @Test func kilograms() {
        #expect(Printed.kilograms(grams: 1250) == "1.25 kg")
        #expect(Printed.kilograms(grams: 800) == "0.8 kg")
        #expect(Printed.kilograms(grams: 12000) == "12 kg")
        #expect(Printed.number(45.4545) == "45.455")
        #expect(Printed.number(0.05) == "0.05")
    }
}
