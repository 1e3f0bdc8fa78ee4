import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ShopDomain

/// `zhangguid`: the hub that merges every device's notebook into the central database.
@available(macOS 10.15, *)
public struct HubCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zhangguid",
        abstract: "Zhanggui's sync hub: devices push and pull ops over HTTP (docs/sync-protocol.md).",
        discussion: """
            Settings come from flags, else ZHANGGUID_DB / ZHANGGUID_LISTEN / ZHANGGUID_LOG_LEVEL / ZHANGGUID_STORE,
            else the TOML file given with --config (keys db, listen, log_level, store). With --store postgres://…
            the journal's store of record is that PostgreSQL database and the db file its working copy
            (docs/decisions/0011). SIGTERM or SIGINT stops it gracefully, finishing the batch in flight.
            """,
        subcommands: [StoreCommand.self]
    )

    @Option(help: "The central shop database (made with zhanggui init or demo).") var db: String?
    @Option(help: "host:port to listen on (default 127.0.0.1:8765).") var listen: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @Option(help: "A TOML file with db, listen, log_level and store.") var config: String?
    @Option(help: "The store of record: postgres://user@host[:port]/database (default: the db file alone).") var store: String?

    public init() {}

    public func run() async throws {
        let settings: HubConfig
        do {
            settings = try HubConfig.resolve(db: db, listen: listen, logLevel: logLevel, configFile: config,
                                             environment: ProcessInfo.processInfo.environment, store: store)
        } catch {
            FileHandle.standardError.write(Data(("error: " + error.message(in: .en) + "\n").utf8))
            throw ExitCode(1)
        }
        let app: any ApplicationProtocol
        do {
            // The process's metrics registry: bootstraps swift-metrics once, for the whole process.
            app = try buildApplication(settings, clock: try ShopClock.from(environment: ProcessInfo.processInfo.environment),
                                       registry: HubMetricsSystem.process)
        } catch let error as any ShopError {
            FileHandle.standardError.write(Data(("error: " + error.message(in: .en) + "\n").utf8))
            throw ExitCode(1)
        }
        // SIGTERM and SIGINT end the service group gracefully: requests in flight finish first.
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: Logger(label: "zhangguid")))
        try await group.run()
    }
}

extension HubCommand {
    /// Parses the command line and runs the daemon, exiting with ArgumentParser's message on a
    /// usage mistake.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if let hub = command as? HubCommand {
                try await hub.run()
            } else {
                try command.run()  // --help, --version
            }
        } catch {
            exit(withError: error)
        }
    }
}
