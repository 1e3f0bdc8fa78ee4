import Metrics
import Prometheus
import Sync

/// How the daemon's metrics reach `/metrics`: swift-metrics handlers made by a Prometheus factory
/// over a `PrometheusCollectorRegistry` (swift-prometheus). `buildApplication` and `buildRouter`
/// take the registry, so each test reads its own; the daemon's process bootstraps the global
/// `MetricsSystem` once, with `process`, so libraries' metrics land in the same registry.
public enum HubMetricsSystem {
    /// Prometheus' factory over `registry`, with the hub's histogram buckets.
    public static func factory(_ registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        let durations: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                     .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
                                     .seconds(5), .seconds(10)]
        factory.defaultDurationHistogramBuckets = durations
        factory.valueHistogramBuckets = [HubMetrics.Name.pushOps: [0, 1, 10, 50, 100, 250, 500, 1000]]
        return factory
    }

    /// The hub's metrics over `registry`.
    public static func metrics(_ registry: PrometheusCollectorRegistry) -> HubMetrics {
        HubMetrics(factory: factory(registry))
    }

    /// The process's registry: the first use bootstraps `MetricsSystem` with it, once (a second
    /// `MetricsSystem.bootstrap` would trap, so nothing else calls it).
    public static let process: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(factory(registry))
        return registry
    }()
}
