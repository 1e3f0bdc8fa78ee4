import Foundation
import Hummingbird
import Logging
import NIOCore
import ShopDomain
import ShopActions
import Storage
import Sync

/// Builds the daemon: the hub service over the central database, behind the HTTP routes.
public func buildApplication(_ config: HubConfig, clock: ShopClock = .system) throws -> some ApplicationProtocol {
    var logger = Logger(label: "zhangguid")
    logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    let database = try ShopDatabase.open(at: config.database, modules: ShopFeatures.all, clock: clock)
    let hub = HubService(database: database)
    logger.info("hub ready", metadata: ["db": .string(config.database), "device": .string(database.deviceID.rawValue)])
    return Application(
        router: buildRouter(hub, logger: logger),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "zhangguid"),
        logger: logger
    )
}

/// The routes of docs/openapi.yaml. Every refusal is a 4xx with a JSON error body; nothing a
/// client sends makes a 5xx.
public func buildRouter(_ hub: HubService, logger: Logger) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/health") { _, _ in
        do {
            let ops = try hub.database.journalCount()
            return json(["status": "ok", "ops": String(ops), "device": hub.database.deviceID.rawValue])
        } catch {
            return json(["status": "degraded", "error": String(describing: error)], status: .serviceUnavailable)
        }
    }
    router.get("/metrics") { _, _ in
        let devices = (try? hub.registry.list().filter { $0.revokedAt == nil && $0.quarantinedAt == nil }.count) ?? 0
        let open = (try? hub.database.conflicts().count) ?? 0
        let ops = (try? hub.database.journalCount()) ?? 0
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                        body: .init(byteBuffer: ByteBuffer(string: hub.metrics.render(devices: devices, openConflicts: open, journalOps: ops))))
    }
    router.post("/v1/ops") { request, _ in
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: SyncProtocol.maxBody)
        } catch {
            return failure(.tooLarge(SyncProtocol.maxBody + 1, max: SyncProtocol.maxBody), logger)
        }
        do throws(SyncError) {
            let response = try hub.push(token: bearer(request), body: Data(buffer: body))
            return encoded(response)
        } catch {
            return failure(error, logger)
        }
    }
    router.get("/v1/ops") { request, _ in
        let query = request.uri.queryParameters
        guard let after = Int64(query.get("after") ?? "0"), let limit = Int(query.get("limit") ?? "500") else {
            return failure(.badRequest("after and limit must be whole numbers"), logger)
        }
        do throws(SyncError) {
            return encoded(try hub.pull(token: bearer(request), after: after, limit: limit))
        } catch {
            return failure(error, logger)
        }
    }
    return router
}

/// The token of `Authorization: Bearer …`.
func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
    return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
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

func failure(_ error: SyncError, _ logger: Logger) -> Response {
    logger.notice("refused", metadata: ["status": .stringConvertible(error.status), "error": .string(error.message(in: .en))])
    var response = encoded(error.body)
    response.status = HTTPResponse.Status(code: error.status)
    return response
}
