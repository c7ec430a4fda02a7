/// What the linter needs to know about where and to whom a reply goes.
public struct LintContext: Sendable {
    /// The platform the reply is posted on (its length limit).
    public var platform: Platform
    /// The most humour the tone verdict allows for this comment.
    public var humorAllowed: HumorLevel
    /// The humour level of the template used; nil for free text, whose level is then estimated from laughter
    /// and playful emoji.
    public var replyHumor: HumorLevel?
    /// Domains replies may link to; a host matches a domain when it equals it or ends with `.domain`
    /// (`DeskConfig.linkAllowList`).
    public var linkAllowList: [String]
    /// Numbers that may appear in a reply: the agency's published phone numbers and the case's reference.
    /// Public hotlines (112, 110, 113, 118, 119, 129, 1500 numbers, SAPA's WhatsApp) are always allowed.
    public var allowedNumbers: [String]

    /// A context; the allow-list defaults to the shipped `DeskConfig` one.
    public init(platform: Platform, humorAllowed: HumorLevel, replyHumor: HumorLevel? = nil,
                linkAllowList: [String] = DeskConfig().linkAllowList, allowedNumbers: [String] = []) {
        self.platform = platform
        self.humorAllowed = humorAllowed
        self.replyHumor = replyHumor
        self.linkAllowList = linkAllowList
        self.allowedNumbers = allowedNumbers
    }
}
