import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresStore
import Prometheus
import ServiceLifecycle
import ShopDomain
import ShopActions
import Storage
import Sync

/// Builds the daemon: the hub service over the central database, behind the HTTP routes.
/// `registry` receives the hub's metrics and is what `/metrics` shows: the daemon passes
/// `HubMetricsSystem.process`, a test a `PrometheusCollectorRegistry()` of its own.
public func buildApplication(_ config: HubConfig, clock: ShopClock = .system,
                             registry: PrometheusCollectorRegistry) throws -> some ApplicationProtocol {
    var logger = Logger(label: "zhangguid")
    logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    var database = try ShopDatabase.open(at: config.database, modules: ShopFeatures.all, clock: clock)
    if let store = config.store {
        // The store of record: the file is its working copy, brought level before serving.
        let journal = try PostgresJournal.open(store, hub: database.deviceID)
        database.storeOfRecord = journal
        let caughtUp = try database.catchUp()
        logger.info("store of record", metadata: ["store": .string(journal.location.description),
                                                   "adopted": .stringConvertible(caughtUp.adopted),
                                                   "recorded": .stringConvertible(caughtUp.recorded)])
    }
    logger.info("hub ready", metadata: ["db": .string(config.database), "device": .string(database.deviceID.rawValue)])
    return Application(
        router: buildRouter(database, registry: registry, logger: logger),
        // Bytes that are not HTTP get the error envelope too (the framework answers them below the router).
        server: .http1(configuration: .init(additionalChannelHandlers: [ParserErrorEnvelope()])),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "zhangguid"),
        services: [BackgroundCheckpointService(database: database, logger: logger)],
        logger: logger
    )
}

/// While the daemon serves, its write-ahead log is checkpointed off the writer
/// (`ShopDatabase.checkpointInBackground`): many devices pushing at once seldom wait for a copy.
struct BackgroundCheckpointService: Service {
    let database: ShopDatabase
    let logger: Logger

    /// Runs until the daemon shuts down (a service that returned would end the daemon).
    func run() async throws {
        var checkpoints: BackgroundCheckpoints?
        do {
            checkpoints = try database.checkpointInBackground()
        } catch {
            logger.warning("checkpoints stay on the writer", metadata: ["error": .string("\(error)")])
        }
        defer { checkpoints?.stop() }
        try? await gracefulShutdown()
    }
}

/// The routes of docs/openapi.yaml over a `HubService` on `database`, its metrics in `registry`.
/// Every refusal is a 4xx with the JSON error envelope; nothing a client sends makes a 5xx.
public func buildRouter(_ database: ShopDatabase, registry: PrometheusCollectorRegistry, logger: Logger) -> Router<BasicRequestContext> {
    let hub = HubService(database: database, metrics: HubMetricsSystem.metrics(registry))
    let metrics = hub.metrics
    let router = Router()
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: ErrorEnvelopeMiddleware(metrics: metrics, logger: logger))
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
        metrics.observe(devices: devices, openConflicts: open, journalOps: ops)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
    router.post("/v1/ops") { request, _ in
        // A body that is not JSON is refused before it is read (issue 19: text/plain was merged).
        guard isJSON(request.headers[.contentType]) else {
            return refusal(.unsupportedMediaType(given: request.headers[.contentType]), metrics: metrics, logger: logger)
        }
        // The byte limit, told apart from the op limit (`HubService.push`).
        if let length = request.headers[.contentLength].flatMap(Int.init), length > SyncProtocol.maxBodyBytes {
            return failure(.bodyTooLarge(bytes: length, max: SyncProtocol.maxBodyBytes), metrics: metrics, logger: logger)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: SyncProtocol.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return failure(.bodyTooLarge(bytes: nil, max: SyncProtocol.maxBodyBytes), metrics: metrics, logger: logger)
        } catch {
            return failure(.badRequest("the body could not be read: \(error)"), metrics: metrics, logger: logger)
        }
        do throws(SyncError) {
            return encoded(try hub.push(token: bearer(request), body: Data(buffer: body)))
        } catch {
            return failure(error, metrics: metrics, logger: logger)
        }
    }
    router.get("/v1/ops") { request, _ in
        let query = request.uri.queryParameters
        guard let after = Int64(query.get("after") ?? "0"), let limit = Int(query.get("limit") ?? "500") else {
            return failure(.badRequest("after and limit must be whole numbers"), metrics: metrics, logger: logger)
        }
        do throws(SyncError) {
            let device = query.get("device").map(DeviceID.init(rawValue:))
            return encoded(try hub.pull(token: bearer(request), after: after, limit: limit, device: device))
        } catch {
            return failure(error, metrics: metrics, logger: logger)
        }
    }
    return router
}
