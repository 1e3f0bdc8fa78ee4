import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ShopDomain
import Storage
import Sync
import Synchronization

/// Many devices pushing to one `zhangguid` at once, over HTTP on loopback.
///
/// `push-setup DIR DEVICES OPS` makes `DIR/hub.sqlite` (the catalogue of BigHubBench) with DEVICES
/// devices registered (tokens in `DIR/tokens`), and one notebook per device (`DIR/device-N.sqlite`)
/// that pulled the catalogue and made OPS stock adjustments. `push-run URL DIR DEVICES BATCH`
/// pushes every notebook's ops at once, each device its own client (its own URLSession, as on its
/// own machine) sending BATCH-op `POST /v1/ops` one after another, exactly as `HTTPTransport` does
/// (JSON body, bearer token). Prints the total rate and the push latencies.
enum PushBench {
    static func setup(directory: String, devices: Int, ops: Int, clock: ShopClock) throws {
        let hub = try ShopDatabase.create(at: directory + "/hub.sqlite", shop: "基准", owner: Catalogue.owner, modules: Catalogue.modules,
                                          clock: clock, ids: .seeded(1))
        let gm = try hub.read(CoreQueries.shop).owner
        let items = Catalogue.items(2_000)
        let skus = items.map(\.product.sku)
        try hub.apply(BigHubBench.locations.map { OpDraft(actor: gm, LocationAdded(code: $0, kind: .sellable)) }
            + [OpDraft(actor: gm, LocationAdded(code: BigHubBench.defective, kind: .defective))] + Catalogue.drafts(items, actor: gm))
        let service = HubService(database: hub)
        var tokens: [String] = []
        for n in 0..<devices {
            let (_, token) = try service.registry.register(name: "device-\(n)")
            tokens.append(token)
            let notebook = try ShopDatabase.createNotebook(at: directory + "/device-\(n).sqlite", modules: Catalogue.modules, clock: clock)
            _ = try SyncClient(database: notebook, hub: "bench", transport: LocalHubTransport(hub: service, token: token)).syncWaiting()
            var random = SeededGenerator(seed: UInt64(1_000 + n))
            try notebook.apply((0..<ops).map { _ in BigHubBench.adjustment(gm, skus, &random) })
        }
        try tokens.joined(separator: "\n").write(toFile: directory + "/tokens", atomically: true, encoding: .utf8)
        print("push-setup devices=\(devices) ops-per-device=\(ops)")
    }

    struct Device {
        var token: String
        var bodies: [Data]
        var ops: Int
    }

    static func run(url: String, directory: String, devices count: Int, batch: Int, clock: ShopClock) async throws {
        let tokens = try String(contentsOfFile: directory + "/tokens", encoding: .utf8).split(separator: "\n").map(String.init)
        guard tokens.count >= count, let base = URL(string: url) else { throw BenchFailure("push-run: \(count) devices, \(tokens.count) tokens") }
        // The requests are made before timing: what is timed is the HTTP round trip and the hub's work.
        let devices = try (0..<count).map { n in
            let notebook = try ShopDatabase.open(at: directory + "/device-\(n).sqlite", modules: Catalogue.modules, clock: clock)
            let ops = try notebook.ops(from: notebook.deviceID)
            let bodies = try stride(from: 0, to: ops.count, by: batch).map { start in
                try SyncProtocol.encoder().encode(SyncProtocol.PushRequest(device: notebook.deviceID, migrations: notebook.migrations,
                                                                          ops: Array(ops[start..<min(start + batch, ops.count)])))
            }
            return Device(token: tokens[n], bodies: bodies, ops: ops.count)
        }
        let start = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: (latencies: [Double], applied: Int).self) { group in
            for device in devices {
                group.addTask {
                    let session = URLSession(configuration: .ephemeral)
                    var latencies: [Double] = [], applied = 0
                    for body in device.bodies {
                        var request = URLRequest(url: base.appendingPathComponent("v1/ops"))
                        request.httpMethod = "POST"
                        request.httpBody = body
                        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        request.setValue("Bearer \(device.token)", forHTTPHeaderField: "Authorization")
                        request.timeoutInterval = 120
                        let sent = ContinuousClock.now
                        let (data, response) = try await session.data(for: request)
                        latencies.append((ContinuousClock.now - sent).seconds)
                        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                            throw BenchFailure("push refused: \(String(decoding: data.prefix(300), as: UTF8.self))")
                        }
                        applied += try JSONDecoder().decode(SyncProtocol.PushResponse.self, from: data).applied
                    }
                    session.finishTasksAndInvalidate()
                    return (latencies, applied)
                }
            }
            var all: [(latencies: [Double], applied: Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let elapsed = (ContinuousClock.now - start).seconds
        let total = devices.reduce(0) { $0 + $1.ops }
        let applied = results.reduce(0) { $0 + $1.applied }
        guard applied == total else { throw BenchFailure("the hub applied \(applied) of \(total) ops") }
        let latencies = results.flatMap(\.latencies).sorted()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)] }
        print(String(format: "push-run devices=%d pushes=%d ops=%d wall=%.3fs rate=%.0f ops/s p50=%.0fms p99=%.0fms max=%.0fms",
                     count, latencies.count, total, elapsed, Double(total) / elapsed, percentile(0.5) * 1000, percentile(0.99) * 1000,
                     latencies.last! * 1000))
    }
}
