/// The fixed buckets and bands reports group figures into (stable: CSV columns and snapshots depend on them).
public enum ReportBuckets {
    /// Lower edges, in business minutes, of the first-response histogram: under 15 min, 15–30, 30–60, 1–2 h,
    /// 2–4 h, 4–8 h, 8 h (a working day) or more.
    public static let responseMinutes = [0, 15, 30, 60, 120, 240, 480]

    /// Lower edges, in calendar minutes since the comment was written, of the backlog's age: under 1 h, 1–4 h,
    /// 4–24 h, 1–3 days, 3–7 days, a week or more.
    public static let backlogAge = [0, 60, 240, 1_440, 4_320, 10_080]

    /// The bucket of `value` among ascending lower `edges` (values below the first edge go to the first bucket).
    public static func index(of value: Int64, in edges: [Int]) -> Int {
        var i = 0
        while i + 1 < edges.count, value >= Int64(edges[i + 1]) { i += 1 }
        return i
    }

    /// Report buckets from counts per bucket.
    static func buckets(_ counts: [Int], edges: [Int]) -> [Report.Bucket] {
        edges.indices.map { Report.Bucket(lower: edges[$0], upper: $0 + 1 < edges.count ? edges[$0 + 1] : nil, count: counts[$0]) }
    }

    /// The sentiment bands, in report order.
    public static let sentimentBands = ["negative", "neutral", "positive", "-"]

    /// The band of a comment's sentiment (-1…1) with the tone governor's thresholds: `positive` from 0.25,
    /// `negative` from -0.25 down, `neutral` between, `-` when it was not measured.
    public static func sentimentBand(_ s: Double?) -> Int {
        guard let s else { return 3 }
        return s >= 0.25 ? 2 : s <= -0.25 ? 0 : 1
    }
}
