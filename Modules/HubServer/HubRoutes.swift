import Hummingbird

/// The routes of docs/openapi.yaml and the methods each takes: what tells a 405 from a 404 and
/// names the route in the request metrics (a path no route has is "unmatched", so the figures
/// stay a handful of series whatever paths clients try).
struct HubRoutes: Sendable {
    static let all: [String: [HTTPRequest.Method]] = [
        "/health": [.get],
        "/metrics": [.get],
        "/v1/ops": [.get, .post],
    ]

    /// The route a request's path is, if any (a trailing slash is the same route, as the router has it).
    static func route(of path: String) -> String? {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return all[path] == nil ? nil : path
    }

    /// A method name fit for a metric label: the common ones as they are, anything else "other".
    static func methodLabel(_ method: HTTPRequest.Method) -> String {
        [.get, .post, .put, .delete, .patch, .head, .options].contains(method) ? method.rawValue : "other"
    }
}
