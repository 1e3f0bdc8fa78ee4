/// The shop's standard texts (CS-1): what agents answer with, at hand in the TUI.
public struct ReplyAdded: OpPayload {
    public static let kind = "reply.added"
    public static let version = 1
    public var reply: String
    public var title: String
    public var text: String
    public init(reply: String, title: String, text: String) {
        self.reply = reply
        self.title = title
        self.text = text
    }
}
