import Foundation

extension RenderContext {
    /// The values the desk knows for a comment: the citizen, the agency (name, office hours from the
    /// calendar), the channel and the platform. The caller adds what only it knows: `staffName`, `ticketRef`,
    /// `slaPromise`, and what staff fill in (`link`, `serviceName`, `redirectAgency`, `redirectContact`).
    public init(comment: Comment, config: DeskConfig, lang: TextLanguage = .indonesian) {
        let bareHandle = comment.author.atHandle.dropFirst()
        let name = comment.author.name?.trimmingCharacters(in: .whitespaces)
        self.init(citizenName: name.flatMap(Self.addressableName) ?? String(bareHandle),
                  citizenHandle: comment.author.atHandle,
                  agencyName: config.agencyName,
                  agencyWebsite: config.agencyWebsite,
                  agencyPhone: config.agencyPhone,
                  officeHours: Self.officeHours(config.calendar, lang: lang),
                  channel: comment.channel ?? config.channels.first,
                  platform: comment.platform.displayName)
        greetedWithSalam = Salam.greets(comment.text)
    }

    /// A display name fit to greet the citizen by, or nil to use the handle: not empty, and holding no link or
    /// e-mail address — a name such as "https://hadiah-gratis.xyz" or "bit.ly/promo" would otherwise put an outside
    /// link into the agency's own reply.
    static func addressableName(_ name: String) -> String? {
        guard !name.isEmpty, LinkSpotter.links(in: name).isEmpty, PersonalDataScanner.emails(in: name).isEmpty else { return nil }
        return name
    }

    /// Office hours as people read them, e.g. "Senin–Kamis 07.30–16.00, Jumat 07.30–16.30 WIB"; nil when the
    /// calendar has no opening hours.
    public static func officeHours(_ calendar: BusinessCalendar, lang: TextLanguage = .indonesian) -> String? {
        guard calendar.hasOpeningHours else { return nil }
        let names = lang == .english
            ? ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            : ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
        func clock(_ minute: Int) -> String { String(format: "%02d.%02d", minute / 60, minute % 60) }
        // Monday first, runs of days with the same hours joined.
        let order = [1, 2, 3, 4, 5, 6, 0]
        var parts: [String] = []
        var k = 0
        while k < order.count {
            let spans = calendar.week[order[k]]
            var end = k
            while end + 1 < order.count, calendar.week[order[end + 1]] == spans { end += 1 }
            if !spans.isEmpty {
                let days = end > k ? "\(names[order[k]])–\(names[order[end]])" : names[order[k]]
                parts.append(days + " " + spans.map { "\(clock($0.start))–\(clock($0.end))" }.joined(separator: ", "))
            }
            k = end + 1
        }
        let zone = SLAPromise.zoneName(calendar.zone, offset: calendar.zone.secondsFromGMT())
        return parts.joined(separator: ", ") + " " + zone
    }
}
