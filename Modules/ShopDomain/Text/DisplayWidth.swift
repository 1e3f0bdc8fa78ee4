/// Terminal display width: how many cells a string takes on a fixed-width screen.
///
/// East Asian Wide and Fullwidth characters take 2 cells, combining marks and other zero-width
/// scalars take 0, everything else 1. Width is measured per grapheme cluster, so an emoji
/// sequence or a letter with its accents counts once.
public enum DisplayWidth {
    /// Cells taken by `text` on a terminal.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// Cells taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji presentation sequence (VS16) or any emoji-presentation scalar is two cells.
        if scalars.contains(where: { $0.properties.isEmojiPresentation })
            || (scalars.contains("\u{FE0F}") && first.properties.isEmoji) {
            return 2
        }
        var width = 0
        for scalar in scalars {
            width = max(width, of(scalar))
        }
        return width
    }

    /// Cells taken by one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }  // C0/C1 controls
        if value < 0x300 { return 1 }  // fast path: Latin
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and finals join
        if value == 0x200B { return 0 }  // zero width space
        return isWide(value) ? 2 : 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = eastAsianWideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = eastAsianWideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `text` padded with spaces to `width` cells; left, right or centre aligned.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }

    /// `text` cut to at most `width` cells, ending in "…" when something was cut.
    /// A wide character is never split in half.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    public enum Alignment: Sendable {
        case left, right, center
    }
}
