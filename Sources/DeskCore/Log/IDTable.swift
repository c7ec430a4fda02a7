/// Values by id (a comment's), packed for a million of them: the values lie side by side in one array and a dictionary
/// holds only their places. A `[Int64: Value]` keeps room for up to twice as many values as it holds (its buckets are a
/// power of two, at most three quarters full): for a million comments' logged clocks, 390 MB against 210 MB here.
public struct IDTable<Value: Sendable>: Sendable {
    private var places: [Int64: Int32] = [:]
    /// A value set to nil leaves its place empty (nothing removes one in practice).
    private var values: [Value?] = []

    public init() {}

    /// How many ids have a value.
    public var count: Int { places.count }

    /// The ids that have a value, in no particular order.
    public var ids: some Collection<Int64> { places.keys }

    public subscript(id: Int64) -> Value? {
        get { places[id].flatMap { values[Int($0)] } }
        set {
            if let place = places[id] {
                values[Int(place)] = newValue
                if newValue == nil { places[id] = nil }
            } else if let newValue {
                places[id] = Int32(values.count)
                values.append(newValue)
            }
        }
    }

    /// The id's value, or `value` (which setting it stores).
    public subscript(id: Int64, default value: @autoclosure () -> Value) -> Value {
        get { self[id] ?? value() }
        set { self[id] = newValue }
    }
}
