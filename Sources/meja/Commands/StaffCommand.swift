import ArgumentParser
import DeskCore

/// `meja staff add|list`
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Who may act on the desk, and how.",
        discussion: "The first person to act on an empty desk becomes its first supervisor; after that, supervisors add staff.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff member, or change one's role, name or activity (supervisors).",
            discussion: "For someone already on the desk, what is not given stays as it is: `meja staff add rina --display-name \"Rina K.\"` changes only the name.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The login name ($USER) of the staff member.", valueName: "name")) var name: String
        @Option(help: "agent or supervisor (needed for someone new).") var role: String?
        @Option(help: "The name citizens see in signed replies (new staff: the login name).") var displayName: String?
        @Flag(help: "Mark the staff member inactive (they stay on the record but may no longer act).") var inactive = false
        @Flag(help: "Let an inactive staff member act again.") var active = false

        func run() throws {
            try guarded {
                let r = try role.map { value in
                    guard let r = StaffMember.Role(rawValue: value) else { throw CLIError(message: "--role must be agent or supervisor", code: 64) }
                    return r
                }
                if active && inactive { throw CLIError(message: "--active and --inactive contradict each other: give one", code: 64) }
                let desk = try global.openDesk(creating: true)
                let change = try desk.putStaff(name: name, role: r, displayName: displayName, active: active ? true : inactive ? false : nil)
                let m = change.member
                Console.out("\(m.name) is \(m.active ? "an active" : "an inactive") \(m.role.rawValue).")
                if !change.released.isEmpty {
                    Console.out("The \(change.released.count) comment(s) \(m.name) held are released, on the log: back in the queue (escalated ones stay with the supervisors).")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the staff, with what each holds.",
            discussion: """
                HOLDS counts the comments assigned to someone that still need action (new, open, claimed, escalated); \
                BREACHED, how many of those have a breached clock. JSON keys: name, display_name, role, active, held, \
                breached.
                """)
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try guarded {
                let desk = try global.openDesk()
                let staff = try desk.staff()
                let loads = try desk.workloads()
                if json {
                    Console.jsonLines(staff.map { m in
                        let load = loads[m.name] ?? StaffWorkload()
                        return ["name": .string(m.name), "display_name": .string(m.displayName), "role": .string(m.role.rawValue),
                                "active": .bool(m.active), "held": .int(load.held), "breached": .int(load.breached)]
                    })
                } else {
                    // The name in full: it is what `meja assign` is given.
                    let widths = [max(4, staff.map { DisplayWidth.of(SafeText.sanitize($0.name)) }.max() ?? 0), 10, 8, 5, 8]
                    func row(_ cells: [String]) -> String {
                        (zip(cells, widths).enumerated().map { TextLayout.fit($1.0, to: $1.1, alignRight: $0 >= 3) } + [cells.last!]).joined(separator: "  ")
                            .trimmingCharacters(in: .whitespaces)
                    }
                    Console.out(row(["NAME", "ROLE", "STATE", "HOLDS", "BREACHED", "DISPLAY NAME"]))
                    for m in staff {
                        let load = loads[m.name] ?? StaffWorkload()
                        Console.out(row([SafeText.sanitize(m.name), m.role.rawValue, m.active ? "active" : "inactive",
                                         String(load.held), String(load.breached), SafeText.sanitize(m.displayName)]))
                    }
                }
            }
        }
    }
}
