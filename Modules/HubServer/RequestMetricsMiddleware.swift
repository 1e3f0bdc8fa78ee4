import Hummingbird
import Sync

/// Times every request into `zhanggui_http_request_seconds{route, method, status}` (a histogram).
/// It runs outside `ErrorEnvelopeMiddleware`, so it sees the status the client got.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HubMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let route = HubRoutes.route(of: request.uri.path) ?? "unmatched"
        let method = HubRoutes.methodLabel(request.method)
        do {
            let response = try await next(request, context)
            metrics.recordRequest(route: route, method: method, status: Int(response.status.code), duration: ContinuousClock.now - started)
            return response
        } catch {
            metrics.recordRequest(route: route, method: method, status: 500, duration: ContinuousClock.now - started)
            throw error
        }
    }
}
