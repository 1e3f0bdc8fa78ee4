import Foundation
import Hummingbird
import Logging
import NIOCore
import Sync

/// The token of `Authorization: Bearer …`.
func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
    return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
}

/// Whether a `Content-Type` says JSON (`application/json`, parameters such as `charset` allowed).
func isJSON(_ contentType: String?) -> Bool {
    guard let type = contentType?.split(separator: ";", maxSplits: 1).first else { return false }
    return type.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
}

func encoded(_ value: some Encodable) -> Response {
    let data = (try? SyncProtocol.encoder().encode(value)) ?? Data("{}".utf8)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

func json(_ value: [String: String], status: HTTPResponse.Status = .ok) -> Response {
    var response = encoded(value)
    response.status = status
    return response
}

/// A `SyncError` as its status and envelope; logged and counted by code.
func failure(_ error: SyncError, metrics: HubMetrics, logger: Logger) -> Response {
    envelope(error.body, metrics: metrics, logger: logger)
}

/// An `HTTPRefusal` as its status and envelope; logged and counted by code.
func refusal(_ refusal: HTTPRefusal, metrics: HubMetrics, logger: Logger) -> Response {
    envelope(refusal.body, metrics: metrics, logger: logger)
}

private func envelope(_ body: SyncProtocol.ErrorBody, metrics: HubMetrics, logger: Logger) -> Response {
    logger.notice("refused", metadata: ["status": .stringConvertible(body.status), "error": .string(body.message)])
    metrics.recordRefusal(code: body.error)
    var response = encoded(body)
    response.status = HTTPResponse.Status(code: body.status)
    return response
}
