import Hummingbird
import Logging
import Sync

/// Every error response carries the `{"error", "message", "status"}` envelope (issue 19): an
/// unknown route (404), a known route with a method it does not take (405, with `Allow`), any
/// HTTP error the framework throws, a handler's failure (500, logged) and any 4xx/5xx a handler
/// answered with an empty body. Responses the routes build with `failure` already have it.
struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HubMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status.code >= 400, response.body.contentLength == 0 else { return response }
            var wrapped = refusal(.framework(status: Int(response.status.code), message: nil), metrics: metrics, logger: logger)
            for field in response.headers where field.name != .contentLength && field.name != .contentType {
                wrapped.headers.append(field)
            }
            return wrapped
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            if let route = HubRoutes.route(of: path), let allowed = HubRoutes.all[route], !allowed.contains(request.method) {
                var response = refusal(.methodNotAllowed(method: request.method.rawValue, path: route, allowed: allowed.map(\.rawValue)),
                                       metrics: metrics, logger: logger)
                response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return response
            }
            return refusal(.notFound(path: path), metrics: metrics, logger: logger)
        } catch let error as HTTPError {
            var response = refusal(.framework(status: Int(error.status.code), message: error.body), metrics: metrics, logger: logger)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch let error as any HTTPResponseError {
            return refusal(.framework(status: Int(error.status.code), message: nil), metrics: metrics, logger: logger)
        } catch {
            logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string(String(describing: error))])
            return refusal(.internalFailure, metrics: metrics, logger: logger)
        }
    }
}
