import Testing
@testable import Printing

@Suite struct HTMLTests {
    @Test func escapesMarkup() {
        #expect(HTML.escape(#"<a href="x">张三 & 李四's</a>"#) == "&lt;a href=&quot;x&quot;&gt;张三 &amp; 李四&#39;s&lt;/a&gt;")
    }
}
