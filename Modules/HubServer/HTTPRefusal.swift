import ShopDomain
import Sync

/// What the HTTP layer itself refuses, before or around `HubService`: an unknown route, a method
/// a route does not take, a body that is not JSON, a request that is not HTTP. Each answers with
/// the same `{"error", "message", "status"}` envelope as a `SyncError` (docs/sync-protocol.md,
/// "Errors"; issue 19: these had empty bodies).
enum HTTPRefusal: Error, Equatable, Sendable {
    case notFound(path: String)
    case methodNotAllowed(method: String, path: String, allowed: [String])
    case unsupportedMediaType(given: String?)
    /// An HTTP error from the framework (Hummingbird's `HTTPError`), with its message if it had one.
    case framework(status: Int, message: String?)
    /// Bytes that are not an HTTP/1.1 request (written by `ParserErrorEnvelope`).
    case notHTTP
    /// A failure of the hub itself, never caused by what the client sent (it is logged).
    case internalFailure

    var status: Int {
        switch self {
        case .notFound: 404
        case .methodNotAllowed: 405
        case .unsupportedMediaType: 415
        case .framework(let status, _): status
        case .notHTTP: 400
        case .internalFailure: 500
        }
    }

    var code: String {
        switch self {
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .unsupportedMediaType: "unsupported-media-type"
        case .framework(400, _), .notHTTP: "bad-request"
        case .framework(404, _): "not-found"
        case .framework(413, _): "body-too-large"
        case .framework(let status, _): "http-\(status)"
        case .internalFailure: "internal"
        }
    }

    var body: SyncProtocol.ErrorBody {
        SyncProtocol.ErrorBody(error: code, message: message(in: .en), status: status)
    }
}

extension HTTPRefusal: ShopError {
    func message(in language: Language) -> String {
        switch self {
        case .notFound(let path):
            language.pick(zh: "没有这个地址：\(path.prefix(100))。中心机提供 /health、/metrics 和 /v1/ops（见 docs/openapi.yaml）",
                          en: "no such route: \(path.prefix(100)). The hub serves /health, /metrics and /v1/ops (see docs/openapi.yaml)")
        case .methodNotAllowed(let method, let path, let allowed):
            language.pick(zh: "\(path) 不接受 \(method.prefix(20))，只接受 \(allowed.joined(separator: "、"))",
                          en: "\(path) does not take \(method.prefix(20)); it takes \(allowed.joined(separator: ", "))")
        case .unsupportedMediaType(let given):
            language.pick(zh: "请求体必须是 JSON（Content-Type: application/json），这个请求是“\(given.map { String($0.prefix(60)) } ?? "未注明")”",
                          en: "the body must be JSON (Content-Type: application/json); this request says “\(given.map { String($0.prefix(60)) } ?? "nothing")”")
        case .framework(let status, let message?):
            language.pick(zh: "请求被拒绝（\(status)）：\(message)", en: "refused (\(status)): \(message)")
        case .framework(let status, nil):
            language.pick(zh: "请求被拒绝（\(status)）", en: "refused (\(status))")
        case .notHTTP:
            language.pick(zh: "这不是有效的 HTTP/1.1 请求", en: "this is not a valid HTTP/1.1 request")
        case .internalFailure:
            language.pick(zh: "中心机内部出错（已记入日志）：请稍后再试", en: "the hub failed (it is in the log): try again later")
        }
    }
}
