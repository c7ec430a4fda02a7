/// Reads what follows an Escape character from the terminal, so that nothing but the Escape key itself acts as Escape.
///
/// Curses turns the sequences it knows (arrows, function keys) into keys; anything else arrives character by
/// character, and a pasted text with an escape sequence in it (`ESC[2J`, from a copied web page or log) would leave the
/// composer at its Escape and run the rest as queue commands — a claim, an assignment. So:
/// - Escape with nothing right after it is the Escape key;
/// - a bracketed paste (`ESC[200~` … `ESC[201~`, which the terminal sends once the desk asks for it) is one `.paste`;
/// - a key's own sequence that curses let through undecoded (its parts arrived apart, on a busy machine or a slow
///   link: `ESC[B`, `ESC[5~`, `ESC OA`) is that key, so an arrow typed ahead is not lost;
/// - any other control sequence (CSI `ESC[` … final byte, SS3 `ESC O x`, OSC `ESC]` … BEL or `ESC\`) is dropped whole;
/// - Escape with another character right after it is the Escape key, and that character is put back to be read next:
///   keys typed ahead while the desk was busy (`Esc`, then `e`) arrive together and must both count. (A terminal without
///   bracketed paste delivers a pasted `ESC c` the same way; every common terminal marks pastes.)
struct EscapeReader {
    /// The next character already waiting (nil: none now). `patient` asks to wait a little, inside a paste, for the
    /// rest of it to arrive.
    var next: (_ patient: Bool) -> UInt32?
    /// Puts a character read too far back, to be read as the next key.
    var putBack: (UInt32) -> Void

    /// A paste longer than this many characters is cut (a runaway paste with no end marker).
    static let pasteLimit = 200_000

    /// What the Escape just read begins: the Escape key, a paste, or nothing (a sequence dropped).
    mutating func afterEscape() -> Key? {
        guard let first = next(false) else { return .escape }
        switch first {
        case 0x5B: // [
            var parameters: [UInt32] = []
            while let c = next(false) {
                if (0x40...0x7E).contains(c) {
                    if c == 0x7E, parameters == Self.pasteStart { return .paste(readPaste()) }
                    return Self.key(csi: parameters, final: c)
                }
                parameters.append(c)
                if parameters.count > 32 { return nil }
            }
            return nil
        case 0x4F: // O: one character follows
            return next(false).flatMap { Self.key(csi: [], final: $0) }
        case 0x5D: // ]: up to BEL or ESC \
            while let c = next(false), c != 0x07 {
                if c == 0x1B { _ = next(false); break }
            }
            return nil
        default:
            putBack(first)
            return .escape
        }
    }

    /// The key a CSI or SS3 sequence stands for (modifiers such as `1;5` ignored), or nil for one that is no key.
    static func key(csi parameters: [UInt32], final: UInt32) -> Key? {
        let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
        let first = Int(text.split(separator: ";").first ?? "")
        switch Unicode.Scalar(final).map(Character.init) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S": return parameters.isEmpty ? .function(Int(final) - 0x50 + 1) : nil
        case "~":
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    private static let pasteStart: [UInt32] = Array("200".unicodeScalars.map(\.value))
    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// The pasted text, up to the end marker (or until the terminal stops sending).
    private mutating func readPaste() -> String {
        var scalars: [UInt32] = []
        var tail: [UInt32] = []
        while let c = next(true) {
            // The end marker is watched for past the limit too, so that the rest of a cut paste is not read as keys.
            tail.append(c)
            if tail.count > Self.pasteEnd.count { tail.removeFirst() }
            if tail == Self.pasteEnd { break }
            if scalars.count < Self.pasteLimit + Self.pasteEnd.count { scalars.append(c) }
        }
        if tail == Self.pasteEnd, scalars.suffix(Self.pasteEnd.count - 1).elementsEqual(Self.pasteEnd.dropLast()) {
            scalars.removeLast(Self.pasteEnd.count - 1)
        }
        if scalars.count > Self.pasteLimit { scalars.removeLast(scalars.count - Self.pasteLimit) }
        var text = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        return String(text)
    }
}
