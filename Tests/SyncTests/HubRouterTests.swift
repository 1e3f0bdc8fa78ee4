import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import ShopDomain
import Testing
@testable import HubServer
@testable import Storage
@testable import Sync

@Suite("zhangguid over HTTP: every malformed request is a 4xx with a JSON error, never a 5xx")
struct HubRouterTests {
    func app(_ world: SyncWorld, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) -> some ApplicationProtocol {
        Application(router: buildRouter(world.hub, registry: registry, logger: Logger(label: "test")))
    }

    func push(_ client: some TestClientProtocol, token: String?, _ body: String) async throws -> (HTTPResponse.Status, SyncProtocol.ErrorBody?) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/v1/ops", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, try? JSONDecoder().decode(SyncProtocol.ErrorBody.self, from: Data(buffer: response.body)))
        }
    }

    @Test("health, metrics, push and pull", arguments: HubStoreKind.underTest)
    func happyPath(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 3, by: world.lead))
        let body = String(decoding: try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(
            device: laptop.deviceID, migrations: laptop.migrations, ops: laptop.ops(from: laptop.deviceID))), as: UTF8.self)
        let registry = PrometheusCollectorRegistry()
        try await app(world, registry: registry).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            let (status, _) = try await push(client, token: token, body)
            #expect(status == .ok)
            try await client.execute(uri: "/v1/ops?after=0&limit=5", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                let page = try JSONDecoder().decode(SyncProtocol.PullResponse.self, from: Data(buffer: response.body))
                #expect(page.ops.count == 5 && page.more)
                #expect(!page.ops.contains { $0.op.deviceID == laptop.deviceID })
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("zhanggui_ops_merged_total 1"))
                #expect(text.contains("zhanggui_push_seconds_count 1"))  // only what came over HTTP: the laptop's first sync was direct
            }
        }
    }

    @Test("malformed and unauthorized requests", arguments: HubStoreKind.underTest)
    func refusals(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        let (_, otherToken) = try world.service.registry.register(name: "别的")
        let (_, unboundToken) = try world.service.registry.register(name: "新的")  // the laptop's token is bound by its first sync
        let (revokedDevice, revokedToken) = try world.service.registry.register(name: "旧的")
        _ = try world.service.registry.revoke(revokedDevice.id)
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let op = try laptop.ops(from: laptop.deviceID)[0]
        func request(_ ops: [Op], device: DeviceID? = nil) throws -> String {
            String(decoding: try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: device ?? laptop.deviceID,
                                                                                         migrations: laptop.migrations, ops: ops)), as: UTF8.self)
        }
        var tampered = op
        tampered.payload = tampered.payload.replacingOccurrences(of: "1", with: "9")
        let tooMany = Array(repeating: op, count: SyncProtocol.maxOpsPerPush + 1)
        // Another notebook's pull binds the other token (an empty push would not, issue 19).
        _ = try world.service.pull(token: otherToken, after: 0, limit: 1, device: IDSource.random.next())
        let spoofed: DeviceID = IDSource.random.next()
        let cases: [(String?, String, Int, String)] = [
            (token, "{not json", 400, "bad-request"),
            (token, #"{"device": 5, "migrations": [], "ops": []}"#, 400, "bad-request"),
            (token, #"{"device": "x", "migrations": [], "ops": [{"deviceID": "x"}]}"#, 400, "bad-request"),
            (nil, try request([op]), 401, "unauthorized"),
            ("zg_nonsense", try request([op]), 401, "unauthorized"),
            (revokedToken, try request([op]), 403, "revoked"),
            (otherToken, try request([op]), 403, "bound-elsewhere"),
            (token, try request([op], device: spoofed), 403, "bound-elsewhere"),
            (unboundToken, try request([op], device: spoofed), 403, "foreign-ops"),
            (unboundToken, try request([op], device: DeviceID(rawValue: "spoofed")), 400, "bad-device"),
            (token, try request(tooMany), 413, "too-many-ops"),
            (token, try request([tampered]), 422, "bad-op"),
        ]
        try await app(world).test(.router) { client in
            for (token, body, status, code) in cases {
                let (answer, error) = try await push(client, token: token, body)
                #expect(Int(answer.code) == status, "\(code): \(answer)")
                #expect(error?.error == code, "\(body.prefix(60))")
                #expect(error?.message.isEmpty == false)
            }
            for uri in ["/v1/ops?after=-1", "/v1/ops?limit=0", "/v1/ops?limit=abc", "/v1/ops?limit=100000"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/ops", method: .get) { #expect($0.status == .unauthorized) }
        }
        // Nothing a refused request carried reached the journal.
        #expect(try world.hub.head(of: laptop.deviceID) == 0)
    }

    @Test("another device's op inside a batch is refused", arguments: HubStoreKind.underTest)
    func foreignOps(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (a, _, tokenA) = try await world.laptopWithToken("甲")
        let (b, _) = try await world.laptop("乙")
        try a.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        try b.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let body = String(decoding: try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(
            device: a.deviceID, migrations: a.migrations, ops: a.ops(from: a.deviceID) + b.ops(from: b.deviceID))), as: UTF8.self)
        try await app(world).test(.router) { client in
            let (status, error) = try await push(client, token: tokenA, body)
            #expect(status == .forbidden && error?.error == "foreign-ops")
        }
    }

    @Test("config: flags over environment over the TOML file")
    func config() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zhangguid-\(UUID().uuidString).toml").path
        try #"db = "/srv/central.sqlite"\#nlisten = "0.0.0.0:9000"\#nlog_level = "debug"\#n"#.write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try HubConfig.resolve(db: nil, listen: nil, logLevel: nil, configFile: file, environment: [:])
        #expect(fromFile == HubConfig(database: "/srv/central.sqlite", host: "0.0.0.0", port: 9000, logLevel: "debug"))
        let fromEnv = try HubConfig.resolve(db: nil, listen: nil, logLevel: nil, configFile: file, environment: ["ZHANGGUID_LISTEN": "127.0.0.1:8000"])
        #expect(fromEnv.port == 8000)
        let fromFlag = try HubConfig.resolve(db: "x.sqlite", listen: nil, logLevel: nil, configFile: nil, environment: [:])
        #expect(fromFlag.port == 8765 && fromFlag.database == "x.sqlite")
        #expect(throws: HubConfigError.badListen("nowhere")) { try HubConfig.resolve(db: "x", listen: "nowhere", logLevel: nil, configFile: nil, environment: [:]) }
        // No database named: the shop file every program uses (issue 18).
        let byDefault = try HubConfig.resolve(db: nil, listen: nil, logLevel: nil, configFile: nil, environment: ["XDG_DATA_HOME": "/data"])
        #expect(byDefault.database == "/data/zhanggui/shop.sqlite")
        let shared = try HubConfig.resolve(db: nil, listen: nil, logLevel: nil, configFile: nil, environment: ["ZHANGGUI_DB": "/srv/shop.sqlite"])
        #expect(shared.database == "/srv/shop.sqlite")
    }
}
