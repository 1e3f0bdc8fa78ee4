import Foundation
import Metrics

/// The hub's figures, through swift-metrics: whichever backend the metrics factory is (the daemon
/// gives a Prometheus one, `HubServer.HubMetricsSystem`), they are the ecosystem's histograms,
/// counters and gauges (issue 19). The factory is injected, so a test reads its own registry and
/// nothing needs the process-wide `MetricsSystem.bootstrap`.
public final class HubMetrics: Sendable {
    /// The metric names, also what a backend configures buckets by.
    public enum Name {
        /// Histogram: the time to answer a request, by route, method and status.
        public static let requestSeconds = "zhanggui_http_request_seconds"
        /// Histogram: the time to accept a push, from the token check to the answer.
        public static let pushSeconds = "zhanggui_push_seconds"
        /// Histogram: ops one push carried (the batch size).
        public static let pushOps = "zhanggui_push_ops"
        /// Histogram: the time `ShopDatabase.merge` took for a batch (pushes and notebook files).
        public static let mergeSeconds = "zhanggui_merge_seconds"
        /// Counter: ops merged (applied, not duplicates) since the daemon started.
        public static let opsMerged = "zhanggui_ops_merged_total"
        /// Counter: merged ops parked as conflicts since the daemon started.
        public static let conflicts = "zhanggui_conflicts_total"
        /// Counter: refused requests, by error code.
        public static let refusals = "zhanggui_refusals_total"
        /// Gauge: conflicts waiting for a person.
        public static let openConflicts = "zhanggui_conflicts_open"
        /// Gauge: registered devices that may sync.
        public static let devices = "zhanggui_devices"
        /// Gauge: ops in the hub's journal.
        public static let journalOps = "zhanggui_journal_ops"
    }

    let factory: any MetricsFactory
    private let opsMerged: Counter
    private let conflicts: Counter
    private let pushSeconds: Metrics.Timer
    private let pushOps: Recorder
    private let mergeSeconds: Metrics.Timer
    private let openConflicts: Gauge
    private let devices: Gauge
    private let journalOps: Gauge

    /// Metrics made by `factory` (by default the process-wide one, which records nothing until
    /// a program bootstraps it).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        opsMerged = Counter(label: Name.opsMerged, factory: factory)
        conflicts = Counter(label: Name.conflicts, factory: factory)
        pushSeconds = Metrics.Timer(label: Name.pushSeconds, factory: factory)
        pushOps = Recorder(label: Name.pushOps, aggregate: true, factory: factory)
        mergeSeconds = Metrics.Timer(label: Name.mergeSeconds, factory: factory)
        openConflicts = Gauge(label: Name.openConflicts, factory: factory)
        devices = Gauge(label: Name.devices, factory: factory)
        journalOps = Gauge(label: Name.journalOps, factory: factory)
    }

    /// An accepted push: `ops` it carried, `applied` of them new.
    func recordPush(ops: Int, applied: Int, conflicts: Int, duration: Duration) {
        pushSeconds.record(duration: duration)
        pushOps.record(ops)
        opsMerged.increment(by: applied)
        self.conflicts.increment(by: conflicts)
    }

    /// One call of the merge.
    func recordMerge(duration: Duration) {
        mergeSeconds.record(duration: duration)
    }

    /// One answered request. `route` is the matched route's path ("unmatched" for none), so the
    /// figures stay a handful of series whatever paths clients try.
    public func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        Metrics.Timer(label: Name.requestSeconds, dimensions: [("route", route), ("method", method), ("status", String(status))],
                      factory: factory).record(duration: duration)
    }

    /// A refused request, by its error code.
    public func recordRefusal(code: String) {
        Counter(label: Name.refusals, dimensions: [("code", code)], factory: factory).increment()
    }

    /// The figures read from the database when metrics are scraped.
    public func observe(devices: Int, openConflicts: Int, journalOps: Int) {
        self.devices.record(devices)
        self.openConflicts.record(openConflicts)
        self.journalOps.record(journalOps)
    }
}
