import Testing
@testable import Printing

@Suite struct LabelSheetTests {
    let html = LabelSheet.html(Samples.labels, title: "面单 <批次>")

    @Test func onePagePerLabel() {
        #expect(html.contains("@page { size: 100mm 180mm; margin: 0 }"))
        #expect(PageText.count("<section class=\"label\">", in: html) == 2)
        #expect(html.contains("break-after: page"))
        #expect(html.contains("page-break-after: always"))
        #expect(LabelSheet.html([], title: "空").contains("<body>"))
    }

    @Test func escapesEverything() {
        #expect(!html.contains("<script"))
        #expect(html.contains("欧阳娜娜&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>面单 &lt;批次&gt;</title>"))
        #expect(html.contains("谢谢！&amp; 送个小礼物吧 &gt;_&lt;"))
    }

    @Test func carriesWhatLOG1AndLOG10Ask() {
        let text = PageText.visible(html)
        #expect(PageText.count("先验货再签收", in: text) == 2)
        #expect(html.contains("<b>先验货再签收</b>"))
        #expect(text.contains("AF1023/白色/XL×2;AF2088/黑色/M×1"))
        #expect(text.contains("20261130-01-0007"))
        #expect(text.contains("20261130-01-0008"))
        #expect(text.contains("乌鲁木齐市天山雪莲商贸有限责任公司"))
        #expect(text.contains("邮编 310012"))
        #expect(text.contains("0571-8888 6666"))
        #expect(text.contains("补打：面单卡纸"))
        #expect(PageText.count("补打", in: text) == 1)
        #expect(text.contains("请周末送货"))
        #expect(text.contains("赠品：发圈×1；老客户"))
        #expect(text.contains("打包人签名"))
        #expect(html.contains(Printed.fontStack))
    }

    @Test func barcodeIsScannableSize() throws {
        #expect(PageText.count("<svg", in: html) == 2)
        #expect(html.contains(try Code128.svg("73610555582883", moduleWidth: 0.33, height: 15)))
        #expect(PageText.visible(html).contains("73610555582883"))
        // A waybill too long for 0.33 mm modules is narrowed to fit the label.
        var long = Samples.labels[0]
        long.waybill = "SF-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdef"
        let page = LabelSheet.html([long], title: "")
        let svg = try #require(page.split(separator: "<svg").last)
        let width = try #require(Double(svg.split(separator: "width=\"")[1].prefix { $0 != "m" }))
        #expect(width <= LabelSheet.barcodeRoom + 0.001)
        #expect(try BarcodeReader.read(svg: "<svg" + svg.prefix { $0 != "\n" }) == long.waybill)
    }

    @Test func unencodableWaybillStillPrintsTheNumber() {
        var label = Samples.labels[0]
        label.waybill = "中通12345"
        let page = LabelSheet.html([label], title: "")
        #expect(!page.contains("<svg"))
        #expect(PageText.visible(page).contains("中通12345"))
    }

    @Test func batchSequenceHasFourDigits() {
        var label = Samples.labels[0]
        #expect(label.batchSequence == "20261130-01-0007")
        label.sequence = 12345
        #expect(label.batchSequence == "20261130-01-12345")
        #expect(!label.isReprint && Samples.labels[1].isReprint)
    }

    @Test func selfContained() {
        for page in [html, Samples.pickList.html(), Samples.evidence.html()] {
            #expect(!page.contains("<script"))
            #expect(!page.contains("src="))
            #expect(!page.contains("href="))
            #expect(!page.contains("url("))
        }
    }
}
