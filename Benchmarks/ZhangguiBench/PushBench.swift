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
/// that pulled the catalogue and made OPS stock adjustments. `push-run URL DIR DEVICES BATCH [CLIENT]`
/// pushes every notebook's ops at once, each device its own client sending BATCH-op `POST /v1/ops`
/// one after another with the body and bearer token `HTTPTransport` sends. Prints the total rate,
/// the push latencies and the clients' own CPU time.
///
/// CLIENT `socket` (the default) is a plain blocking HTTP/1.1 client, one thread and one
/// keep-alive connection per device. `urlsession` is Foundation's URLSession (what
/// `HTTPTransport` uses), one session per device: on Linux it spins while a request is in flight
/// (about 0.15 s of CPU per push here, in epoll/poll and dispatch sources), so on a 2-core machine
/// 16 of them take the cores the hub needs — real devices are other machines, hence the default.
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

    static func run(url: String, directory: String, devices count: Int, batch: Int, client: String, clock: ShopClock) async throws {
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
        let cpuStart = CPUTime.now()
        let results = client == "socket" ? try SocketClient.pushAll(devices, base: base) : try await withThrowingTaskGroup(of: (latencies: [Double], applied: Int).self) { group in
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
        let cpu = CPUTime.now() - cpuStart
        let total = devices.reduce(0) { $0 + $1.ops }
        let applied = results.reduce(0) { $0 + $1.applied }
        guard applied == total else { throw BenchFailure("the hub applied \(applied) of \(total) ops") }
        let latencies = results.flatMap(\.latencies).sorted()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)] }
        print(String(format: "push-run client=%@ devices=%d pushes=%d ops=%d wall=%.3fs clients-cpu=%.2fs rate=%.0f ops/s p50=%.0fms p99=%.0fms max=%.0fms",
                     client, count, latencies.count, total, elapsed, cpu, Double(total) / elapsed, percentile(0.5) * 1000,
                     percentile(0.99) * 1000, latencies.last! * 1000))
    }
}

/// The smallest HTTP/1.1 client that does a push: blocking POSIX sockets, one keep-alive
/// connection and one thread per device, `Content-Length` bodies only (what zhangguid answers).
enum SocketClient {
    static func pushAll(_ devices: [PushBench.Device], base: URL) throws -> [(latencies: [Double], applied: Int)] {
        guard let host = base.host, let port = base.port else { throw BenchFailure("push-run: no host:port in \(base)") }
        let results = Mutex<[(latencies: [Double], applied: Int)]>([])
        let failure = Mutex<String?>(nil)
        let group = DispatchGroup()
        for device in devices {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let result = try push(device, host: host, port: port)
                    results.withLock { $0.append(result) }
                } catch {
                    failure.withLock { $0 = String(describing: error) }
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        if let message = failure.withLock({ $0 }) { throw BenchFailure(message) }
        return results.withLock { $0 }
    }

    static func push(_ device: PushBench.Device, host: String, port: Int) throws -> (latencies: [Double], applied: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchFailure("socket: \(errno)") }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { throw BenchFailure("address \(host)") }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchFailure("connect: \(errno)") }
        var latencies: [Double] = [], applied = 0
        var pending: [UInt8] = []
        for body in device.bodies {
            let head = "POST /v1/ops HTTP/1.1\r\nHost: \(host):\(port)\r\nAuthorization: Bearer \(device.token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            let sent = ContinuousClock.now
            try send(fd, Array(head.utf8) + Array(body))
            let (status, answer) = try receive(fd, &pending)
            latencies.append((ContinuousClock.now - sent).seconds)
            guard status == 200 else { throw BenchFailure("push refused (\(status)): \(String(decoding: answer.prefix(300), as: UTF8.self))") }
            applied += try JSONDecoder().decode(SyncProtocol.PushResponse.self, from: Data(answer)).applied
        }
        return (latencies, applied)
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw BenchFailure("write: \(errno)") }
            offset += n
        }
    }

    /// One response: its status and body (`Content-Length` framing).
    static func receive(_ fd: Int32, _ pending: inout [UInt8]) throws -> (Int, [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func fill() throws {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw BenchFailure("read: connection closed (\(errno))") }
            pending += buffer[0..<n]
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            if pending.count >= 4 {
                headerEnd = (0...(pending.count - 4)).first { pending[$0..<($0 + 4)].elementsEqual(separator) }
            }
            if headerEnd == nil { try fill() }
        }
        let header = String(decoding: pending[0..<headerEnd!], as: UTF8.self)
        let lines = header.split(separator: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        let start = headerEnd! + 4
        while pending.count < start + length { try fill() }
        let body = Array(pending[start..<(start + length)])
        pending.removeFirst(start + length)
        return (status, body)
    }
}
