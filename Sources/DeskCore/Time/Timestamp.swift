import Foundation

/// Fast, allocation-light ISO 8601 parsing and UTC formatting for import and the log.
public enum Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM|±HH)`; a space may stand for `T`.
    /// Returns nil for anything else, including a time without an offset (its instant would be a guess).
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// A time written without an offset (`2026-11-30T09:15`, `2026-11-30 09:15:00`, seconds and fractions optional),
    /// read as local time in `zone`; nil for anything else (a time with an offset is `parse(_:)`'s).
    public static func parse(_ text: String, assumingZone zone: TimeZone) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 16, t.count <= 26, t.utf8.allSatisfy({ (0x30...0x3A).contains($0) || $0 == 0x2D || $0 == 0x20 || $0 == 0x54 || $0 == 0x2E }) else { return nil }
        var iso = t.replacingOccurrences(of: " ", with: "T")
        if iso.count == 16 { iso += ":00" }
        guard let asUTC = parse(iso + "Z") else { return nil }
        let offset = zone.secondsFromGMT(for: asUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: asUTC))))
        return asUTC.addingTimeInterval(-Double(offset))
    }

    /// Same as `parse(_:)`, from UTF-8 bytes.
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        let n = b.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else { return nil }
        guard i < n, b[i] == 84 || b[i] == 116 || b[i] == 32 else { return nil }
        i += 1
        guard let hour = digits(2), expect(58), let minute = digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(58) {
            guard let s = digits(2) else { return nil }
            second = s
            if i < n, b[i] == 46 || b[i] == 44 {
                i += 1
                var scale = 0.1
                var any = false
                while i < n, b[i] >= 48, b[i] <= 57 {
                    fraction += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
        }
        guard i < n else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return nil }
            var om = 0
            if i < n {
                _ = expect(58)
                guard let m = digits(2) else { return nil }
                om = m
            }
            guard oh <= 23, om <= 59 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == n else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              hour <= 24, minute <= 59, second <= 60 else { return nil }
        let days = CivilDate(year: year, month: month, day: day).dayNumber
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `2026-12-01T03:00:00Z`: UTC, whole seconds, as stored on the log.
    public static func utc(_ date: Date) -> String {
        let total = Int(floor(date.timeIntervalSince1970))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let d = CivilDate(dayNumber: days)
        // Written digit by digit: String(format:) is slow on Linux, and the log writes a timestamp per comment.
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var v = value
            for k in stride(from: at + width - 1, through: at, by: -1) {
                bytes[k] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(d.year, 0, 4)
        bytes[4] = 45
        put(d.month, 5, 2)
        bytes[7] = 45
        put(d.day, 8, 2)
        bytes[10] = 84
        put(secs / 3600, 11, 2)
        bytes[13] = 58
        put(secs / 60 % 60, 14, 2)
        bytes[16] = 58
        put(secs % 60, 17, 2)
        bytes[19] = 90
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The instant in a zone with its offset: `2026-12-01T10:00:00+07:00`.
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let total = Int(floor(date.timeIntervalSince1970)) + offset
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let d = CivilDate(dayNumber: days)
        let sign = offset < 0 ? "-" : "+"
        let off = abs(offset)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", d.year, d.month, d.day, secs / 3600, secs / 60 % 60,
                      secs % 60, sign, off / 3600, off / 60 % 60)
    }
}

extension Timestamp {
    /// Parses the time formats social platforms write: ISO 8601 as `parse(_:)` does (`Z`, `+07:00`, or the
    /// Graph API's `+0000`), and X's legacy `Tue Oct 31 22:10:47 +0000 2017` (archives, API v1.1).
    public static func parsePlatform(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { b in parse(bytes: b) ?? parseLegacyX(bytes: b) }
    }

    /// Parses X's legacy `created_at`: `EEE MMM dd HH:mm:ss ±HHMM yyyy`.
    public static func parseLegacyX(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parseLegacyX(bytes: $0) }
    }

    static func parseLegacyX(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        // "Tue Oct 31 22:10:47 +0000 2017": fixed columns.
        guard b.count == 30, b[3] == 32, b[7] == 32, b[10] == 32, b[13] == 58, b[16] == 58, b[19] == 32, b[25] == 32,
              weekday(b, at: 0) != nil, let month = month(b, at: 4),
              let day = number(b, 8, 2), let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
              b[20] == 43 || b[20] == 45, let oh = number(b, 21, 2), let om = number(b, 23, 2), let year = number(b, 26, 4)
        else { return nil }
        let offset = (b[20] == 45 ? -1 : 1) * (oh * 3600 + om * 60)
        return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// Parses an HTTP date (RFC 9110 IMF-fixdate, as in `Retry-After`): `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func parseHTTPDate(_ text: String) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        return text.withUTF8 { b -> Date? in
            guard b.count == 29, b[3] == 44, b[4] == 32, b[7] == 32, b[11] == 32, b[16] == 32, b[19] == 58, b[22] == 58, b[25] == 32,
                  b[26] == 71, b[27] == 77, b[28] == 84, weekday(b, at: 0) != nil, let day = number(b, 5, 2), let month = month(b, at: 8),
                  let year = number(b, 12, 4), let hour = number(b, 17, 2), let minute = number(b, 20, 2), let second = number(b, 23, 2)
            else { return nil }
            return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: 0)
        }
    }

    private static let monthNames: [String] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdayNames: [String] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func word(_ b: UnsafeBufferPointer<UInt8>, at i: Int, in names: [String]) -> Int? {
        guard i + 3 <= b.count else { return nil }
        for (k, name) in names.enumerated() {
            let u = Array(name.utf8)
            if b[i] == u[0], b[i + 1] == u[1], b[i + 2] == u[2] { return k + 1 }
        }
        return nil
    }

    private static func month(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? { word(b, at: i, in: monthNames) }
    private static func weekday(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? { word(b, at: i, in: weekdayNames) }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        guard i + count <= b.count else { return nil }
        var v = 0
        for k in 0..<count {
            let c = b[i + k]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    private static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year), hour <= 23, minute <= 59,
              second <= 60 else { return nil }
        let days = CivilDate(year: year, month: month, day: day).dayNumber
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }
}

/// A date on the proleptic Gregorian calendar, with conversion to and from a day count since 1970-01-01.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { CivilDate.weekday(ofDayNumber: dayNumber) }

    public static func weekday(ofDayNumber n: Int) -> Int { ((n % 7) + 7 + 4) % 7 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
