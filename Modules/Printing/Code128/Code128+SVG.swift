extension Code128 {
    /// The barcode as an inline SVG element: one `<rect>` per bar, a `viewBox` in modules, and
    /// `width`/`height` in millimetres (quiet zones included in the width).
    ///
    /// - Parameters:
    ///   - moduleWidth: the narrowest bar in mm; 0.25–0.4 scans well on a thermal label.
    ///   - height: the bars' height in mm.
    public static func svg(_ text: String, moduleWidth: Double, height: Double) throws(PrintingError) -> String {
        let (bars, modules) = try bars(text)
        let viewHeight = Printed.number(height / moduleWidth)
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" class="barcode" role="img""#
        svg += #" aria-label="\#(HTML.escape(text))""#
        svg += #" width="\#(Printed.number(Double(modules) * moduleWidth))mm" height="\#(Printed.number(height))mm""#
        svg += #" viewBox="0 0 \#(modules) \#(viewHeight)" shape-rendering="crispEdges"><g fill="black">"#
        for bar in bars {
            svg += #"<rect x="\#(bar.x)" width="\#(bar.width)" height="\#(viewHeight)"/>"#
        }
        svg += "</g></svg>"
        return svg
    }
}
