/// How many terminal columns text takes, measured per grapheme cluster.
///
/// `wcwidth` gets emoji sequences wrong (a family emoji is several scalars but one two-column picture), so
/// widths are measured here: East Asian wide and fullwidth characters, emoji presentation, VS16 and ZWJ
/// sequences and flags take 2 columns; combining marks, format characters and controls take 0; the rest 1.
public enum DisplayWidth {
    /// Columns of one grapheme cluster.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(scalar: first) }
        var hasVS16 = false
        var hasZWJ = false
        var regional = 0
        for s in scalars {
            switch s.value {
            case 0xFE0F: hasVS16 = true
            case 0x200D: hasZWJ = true
            case 0x1F1E6...0x1F1FF: regional += 1
            default: break
            }
        }
        if regional >= 2 { return 2 }
        if hasVS16 || (hasZWJ && first.properties.isEmoji) { return 2 }
        if (0x1F3FB...0x1F3FF).contains(scalars.dropFirst().first?.value ?? 0) { return 2 }
        let base = of(scalar: first)
        if base == 0 {
            // A cluster led by a zero-width scalar (stray mark): measure the rest.
            return scalars.dropFirst().map { of(scalar: $0) }.max() ?? 0
        }
        return base
    }

    /// Columns of a single scalar.
    public static func of(scalar s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 } // Hangul medial vowels and final consonants
        if isWide(v) { return 2 }
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns of a whole string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text {
            if c.isASCII { total += c == "\n" ? 0 : 1 } else { total += of(c) }
        }
        return total
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for r in wideRanges where v <= r.upperBound {
            return v >= r.lowerBound
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
