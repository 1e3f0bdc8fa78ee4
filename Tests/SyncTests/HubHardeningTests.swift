import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import ShopDomain
import Testing
import Warehouse
@testable import HubServer
@testable import Storage
@testable import Sync

/// Issue 19, "The hub": what a new user broke in an afternoon, and its variations.
@Suite("zhangguid hardening: binding, content types, limits, error envelopes, metrics")
struct HubHardeningTests {
    func app(_ world: SyncWorld, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) -> some ApplicationProtocol {
        Application(router: buildRouter(world.hub, registry: registry, logger: Logger(label: "test")))
    }

    struct Answer {
        var status: Int
        var headers: HTTPFields
        var text: String
        var envelope: SyncProtocol.ErrorBody?
    }

    func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method = .post, _ uri: String = "/v1/ops",
              token: String? = nil, contentType: String? = "application/json", extra: HTTPFields = [:], body: String = "") async throws -> Answer {
        var headers = extra
        if let contentType { headers[.contentType] = contentType }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.isEmpty ? nil : ByteBuffer(string: body)) { response in
            Answer(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body),
                   envelope: try? JSONDecoder().decode(SyncProtocol.ErrorBody.self, from: Data(buffer: response.body)))
        }
    }

    func pushBody(_ database: ShopDatabase, device: DeviceID? = nil, ops: [Op]? = nil) throws -> String {
        String(decoding: try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(
            device: device ?? database.deviceID, migrations: database.migrations, ops: ops ?? database.ops(from: database.deviceID))), as: UTF8.self)
    }

    @Test("a token is bound only to a well-formed device ID, only by a push with ops or a pull (never by an empty push)", arguments: HubStoreKind.underTest)
    func binding(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (device, token) = try world.service.registry.register(name: "仓库笔记本")
        let notebook = try ShopDatabase.createNotebook(at: world.directory.appendingPathComponent("n.sqlite").path, modules: modules,
                                                       clock: .fixed(SyncWorld.now))
        _ = try notebook.merge(world.hub.entries(after: 0, excluding: nil, limit: 1000).map(\.op))  // the shop, without a sync
        try notebook.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        @Sendable func bound() throws -> String? { try world.service.registry.find(device.id).deviceID }
        try await app(world).test(.router) { client in
            // The issue's request, and its variations: none binds.
            let empty = #"{"device":"x","migrations":[],"ops":[]}"#
            #expect(try await send(client, token: token, contentType: "text/plain", body: empty).status == 415)
            #expect(try await send(client, token: token, body: empty).envelope?.error == "bad-device")
            for text in ["", "X", "3F2B8C1E-0D4A-4F6B-9C7E-1A2B3C4D5E6F", "3f2b8c1e0d4a4f6b9c7e1a2b3c4d5e6f", "3f2b8c1e-0d4a-4f6b-9c7e-1a2b3c4d5e6g",
                         " 3f2b8c1e-0d4a-4f6b-9c7e-1a2b3c4d5e6f", "3f2b8c1e-0d4a-4f6b-9c7e-1a2b3c4d5e6f\n", "../../etc/passwd", String(repeating: "a", count: 5000)] {
                let answer = try await send(client, token: token, body: try pushBody(notebook, device: DeviceID(rawValue: text), ops: []))
                #expect(answer.status == 400 && answer.envelope?.error == "bad-device", "\(text.prefix(40))")
                let pull = try await send(client, .get, "/v1/ops?device=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                                          token: token, contentType: nil)
                #expect(pull.status == 400 && pull.envelope?.error == "bad-device", "pull \(text.prefix(40))")
            }
            let stranger: DeviceID = IDSource.random.next()
            let introduced = try await send(client, token: token, body: try pushBody(notebook, device: stranger, ops: []))
            #expect(introduced.status == 200)
            #expect(try bound() == nil)  // well-formed, but empty: still free
            // The real notebook's first push with ops binds it, and only it.
            #expect(try await send(client, token: token, body: try pushBody(notebook)).status == 200)
            #expect(try bound() == notebook.deviceID.rawValue)
            let other = try await send(client, token: token, body: try pushBody(notebook, device: stranger, ops: []))
            #expect(other.status == 403 && other.envelope?.error == "bound-elsewhere")
            #expect(try await send(client, .get, "/v1/ops?device=\(stranger.rawValue)", token: token, contentType: nil).status == 403)
            #expect(try await send(client, .get, "/v1/ops?device=\(notebook.deviceID.rawValue)", token: token, contentType: nil).status == 200)
        }
        // A pull names the notebook and binds a fresh token; a second token may not take a bound notebook.
        let (pulled, pullToken) = try world.service.registry.register(name: "办公室")
        let office: DeviceID = IDSource.random.next()
        _ = try world.service.pull(token: pullToken, after: 0, limit: 10)
        #expect(try world.service.registry.find(pulled.id).deviceID == nil)  // a pull that names no notebook binds nothing
        _ = try world.service.pull(token: pullToken, after: 0, limit: 10, device: office)
        #expect(try world.service.registry.find(pulled.id).deviceID == office.rawValue)
        let (_, thief) = try world.service.registry.register(name: "第三台")
        #expect(throws: SyncError.notebookTaken(notebook: office.rawValue, name: "办公室")) {
            _ = try world.service.pull(token: thief, after: 0, limit: 10, device: office)
        }
    }

    @Test("a token an empty push bound to junk before the fix is freed when the hub opens (sync.v3); real bindings stay", arguments: HubStoreKind.underTest)
    func repairsOldBindings(store: HubStoreKind) throws {
        let world = try SyncWorld(store: store)
        let (junk, _) = try world.service.registry.register(name: "被绑错的")
        let (real, _) = try world.service.registry.register(name: "真的")
        let (pushed, _) = try world.service.registry.register(name: "推过的")
        let notebook: DeviceID = IDSource.random.next()
        try world.hub.writeLocal { db in
            try db.execute(sql: "UPDATE hub_device SET deviceID = 'x' WHERE id = ?", arguments: [junk.id])
            try db.execute(sql: "UPDATE hub_device SET deviceID = ? WHERE id = ?", arguments: [notebook.rawValue, real.id])
            try db.execute(sql: "UPDATE hub_device SET deviceID = 'y', opsPushed = 3 WHERE id = ?", arguments: [pushed.id])
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'sync.v3'")  // as a hub from before the fix
        }
        let reopened = try ShopDatabase.open(at: world.directory.appendingPathComponent("hub.sqlite").path, modules: modules,
                                             clock: .fixed(SyncWorld.now))
        let registry = DeviceRegistry(reopened)
        #expect(try registry.find(junk.id).deviceID == nil)
        #expect(try registry.find(real.id).deviceID == notebook.rawValue)
        #expect(try registry.find(pushed.id).deviceID == "y")  // it carried ops: those are in the journal, kept as they are
        #expect(DeviceID(rawValue: notebook.rawValue).isWellFormed && !DeviceID(rawValue: "x").isWellFormed)
    }

    @Test("a body that is not JSON gets 415 before it is read; parameters and case are fine", arguments: HubStoreKind.underTest)
    func contentTypes(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let body = try pushBody(laptop)
        try await app(world).test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
                         "application/xml", "json", "", nil] as [String?] {
                let answer = try await send(client, token: token, contentType: type, body: body)
                #expect(answer.status == 415 && answer.envelope?.error == "unsupported-media-type", "\(type ?? "none")")
                #expect(answer.envelope?.status == 415)
            }
            #expect(try world.hub.head(of: laptop.deviceID) == 0)  // nothing a refused body carried was merged
            for type in ["Application/JSON", "application/json; charset=utf-8"] {
                #expect(try await send(client, token: token, contentType: type, body: body).status == 200, "\(type)")
            }
        }
    }

    @Test("413 tells the byte limit from the op limit, with the right numbers", arguments: HubStoreKind.underTest)
    func limits(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let op = try laptop.ops(from: laptop.deviceID)[0]
        try await app(world).test(.router) { client in
            // (A Content-Length over the limit is refused before reading, naming the size: the test
            // client sets that header itself, so Scripts/e2e/sync.sh sends 50 MB through curl.)
            // Refused when the body passes the limit, in bytes.
            let big = String(repeating: " ", count: SyncProtocol.maxBodyBytes + 1)
            let streamed = try await send(client, token: token, body: big)
            #expect(streamed.status == 413 && streamed.envelope?.error == "body-too-large")
            #expect(streamed.envelope?.message.contains("more than the 16777216 bytes (16 MiB)") == true)
            #expect(streamed.envelope?.message.contains("ops") == true && streamed.envelope?.message.contains("ops in one push") == false)
            // The op limit is its own refusal.
            let many = try await send(client, token: token, body: try pushBody(laptop, ops: Array(repeating: op, count: SyncProtocol.maxOpsPerPush + 1)))
            #expect(many.status == 413 && many.envelope?.error == "too-many-ops")
            #expect(many.envelope?.message.contains("1001 ops in one push, more than the 1000 ops") == true)
            #expect(try await send(client, token: token, body: try pushBody(laptop)).status == 200)  // within both: merged
        }
        #expect(SyncProtocol.maxBodyBytes == 16_777_216 && SyncProtocol.maxOpsPerPush == 1000)
    }

    @Test("every error answer carries the envelope: 400, 401, 403, 404, 405, 409, 413, 415", arguments: HubStoreKind.underTest)
    func envelopes(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (_, _, token) = try await world.laptopWithToken("笔记本")
        try await app(world).test(.router) { client in
            let cases: [(HTTPRequest.Method, String, String?, String, Int, String)] = [
                (.get, "/nope", nil, "", 404, "not-found"),
                (.get, "/v1/opsx", nil, "", 404, "not-found"),
                (.get, "/v1", nil, "", 404, "not-found"),
                (.post, "/", "application/json", "{}", 404, "not-found"),
                (.delete, "/v1/ops", nil, "", 405, "method-not-allowed"),
                (.put, "/v1/ops", "application/json", "{}", 405, "method-not-allowed"),
                (.post, "/health", "application/json", "{}", 405, "method-not-allowed"),
                (.patch, "/metrics", nil, "", 405, "method-not-allowed"),
                (.get, "/v1/ops?after=abc", nil, "", 400, "bad-request"),
                (.get, "/v1/ops?limit=", nil, "", 400, "bad-request"),
                (.post, "/v1/ops", "application/json", "{oops", 400, "bad-request"),
                (.post, "/v1/ops", "application/json", "", 400, "bad-request"),
                (.post, "/v1/ops", "application/json", "[]", 400, "bad-request"),
                (.post, "/v1/ops", "application/json", #"{"device":null,"migrations":[],"ops":[]}"#, 400, "bad-request"),
                (.post, "/v1/ops", "text/plain", "{}", 415, "unsupported-media-type"),
            ]
            for (method, uri, type, body, status, code) in cases {
                let answer = try await send(client, method, uri, token: token, contentType: type, body: body)
                #expect(answer.status == status, "\(method) \(uri)")
                #expect(answer.envelope?.error == code && answer.envelope?.status == status && answer.envelope?.message.isEmpty == false,
                        "\(method) \(uri): \(answer.text)")
                #expect(answer.headers[.contentType] == "application/json", "\(method) \(uri)")
                if status == 405 { #expect(answer.headers[.allow] != nil, "\(method) \(uri)") }
            }
            let delete = try await send(client, .delete, "/v1/ops", token: token, contentType: nil)
            #expect(delete.headers[.allow] == "GET, POST")
            let unauthorized = try await send(client, .get, "/v1/ops", contentType: nil)
            #expect(unauthorized.status == 401 && unauthorized.envelope?.error == "unauthorized")
        }
    }

    @Test("bad requests never crash the hub: a seeded barrage gets 4xx envelopes, and the hub still serves", arguments: HubStoreKind.underTest)
    func barrage(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        try laptop.apply(SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead))
        let valid = try pushBody(laptop)
        var random = SeededGenerator(seed: 19)
        let pieces = ["{", "}", "[", "]", "\"device\":", "\"ops\":", "\"migrations\":", "null", "1e999", "-1", "\"\\u0000\"", ",", ":",
                      "\"x\"", "9223372036854775808", "{\"deviceID\":\"x\"}", "\u{FEFF}", "\"\u{1F600}\"", "true"]
        var requests: [(HTTPRequest.Method, String, String)] = []
        for round in 0..<300 {
            let body: String
            switch round % 3 {
            case 0:  // random pieces
                body = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            case 1:  // the valid body, cut short
                body = String(valid.prefix(Int.random(in: 0..<valid.count, using: &random)))
            default:  // the valid body with one character changed
                var characters = Array(valid)
                characters[Int.random(in: 0..<characters.count, using: &random)] = pieces.randomElement(using: &random)!.first ?? "x"
                body = String(characters)
            }
            let uri = ["/v1/ops", "/v1/ops?after=\(Int.random(in: -5...5, using: &random))", "/v1/ops?limit=\(body.count)"].randomElement(using: &random)!
            requests.append(([.post, .get].randomElement(using: &random)!, uri, body))
        }
        try await app(world).test(.router) { [requests] client in
            for (round, (method, uri, body)) in requests.enumerated() {
                let answer = try await send(client, method, uri, token: token, body: body)
                #expect((200..<500).contains(answer.status), "\(round): \(answer.status) \(body.prefix(60))")
                if answer.status >= 400 { #expect(answer.envelope?.status == answer.status, "\(round): \(answer.text.prefix(80))") }
            }
            #expect(try await send(client, .get, "/health", contentType: nil).status == 200)
        }
        #expect(try world.hub.verify().passed)
    }

    @Test("/metrics: request histograms by route and status, batch sizes, merge time, open conflicts, in the test's own registry", arguments: HubStoreKind.underTest)
    func metrics(store: HubStoreKind) async throws {
        let world = try SyncWorld(store: store)
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptCreated(receipt: "R1", vendor: "厂", lines: [
            .init(sku: SKU(rawValue: "AF-2"), expected: 5, location: LocationCode(rawValue: "A-01-1"))])))
        let (laptop, _, token) = try await world.laptopWithToken("笔记本")
        // Offline, the laptop inspects the receipt the hub meanwhile inspects and posts: one conflict.
        try laptop.apply([SyncWorld.adjust("AF-1", "A-01-1", 1, by: world.lead),
                          OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 4, rejected: 1, reason: "破"))])
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptInspected(receipt: "R1", sku: SKU(rawValue: "AF-2"), accepted: 5, rejected: 0)))
        try world.hub.apply(OpDraft(actor: world.hand, ReceiptPosted(receipt: "R1")))
        let registry = PrometheusCollectorRegistry()
        try await app(world, registry: registry).test(.router) { client in
            #expect(try await send(client, token: token, body: try pushBody(laptop)).status == 200)
            #expect(try await send(client, token: token, body: "{").status == 400)
            #expect(try await send(client, .get, "/nope", contentType: nil).status == 404)
            let text = try await send(client, .get, "/metrics", contentType: nil).text
            for line in [
                #"zhanggui_http_request_seconds_count{route="/v1/ops",method="POST",status="200"} 1"#,
                #"zhanggui_http_request_seconds_count{route="/v1/ops",method="POST",status="400"} 1"#,
                #"zhanggui_http_request_seconds_count{route="unmatched",method="GET",status="404"} 1"#,
                #"zhanggui_http_request_seconds_bucket{route="/v1/ops",method="POST",status="200",le="+Inf"} 1"#,
                "# TYPE zhanggui_http_request_seconds histogram",
                "# TYPE zhanggui_push_ops histogram",
                #"zhanggui_push_ops_bucket{le="1.0"} 0"#,
                #"zhanggui_push_ops_bucket{le="10.0"} 1"#,
                "zhanggui_push_ops_sum 2.0",
                "zhanggui_push_seconds_count 1",
                "zhanggui_merge_seconds_count 1",
                "zhanggui_ops_merged_total 2",
                "zhanggui_conflicts_total 1",
                "zhanggui_conflicts_open 1.0",
                "zhanggui_devices 1.0",
                #"zhanggui_refusals_total{code="bad-request"} 1"#,
                #"zhanggui_refusals_total{code="not-found"} 1"#,
            ] {
                #expect(text.contains(line), "\(line)\n\(text)")
            }
            #expect(text.contains("zhanggui_journal_ops \(Double(try world.hub.journalCount()))"))
        }
        // A second application in the same process has its own registry: nothing global was bootstrapped.
        let other = PrometheusCollectorRegistry()
        try await app(world, registry: other).test(.router) { client in
            let text = try await send(client, .get, "/metrics", contentType: nil).text
            #expect(!text.contains("zhanggui_push_seconds_count 1"))
        }
    }
}
