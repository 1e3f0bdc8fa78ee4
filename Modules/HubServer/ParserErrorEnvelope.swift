import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Sync

/// Bytes that are not HTTP never reach the router: Hummingbird answers them with a bare
/// `400` and `Content-Length: 0` from its channel handler. This handler, in the channel pipeline
/// after the HTTP codec, gives any such empty error response the JSON envelope (issue 19).
final class ParserErrorEnvelope: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var pendingBody: ByteBuffer?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 400 && head.headerFields[.contentLength] == "0":
            let refusal: HTTPRefusal = head.status.code == 400 ? .notHTTP : .framework(status: head.status.code, message: nil)
            let bytes = (try? SyncProtocol.encoder().encode(refusal.body)) ?? Data()
            let body = context.channel.allocator.buffer(bytes: bytes)
            head.headerFields[.contentLength] = String(body.readableBytes)
            head.headerFields[.contentType] = "application/json"
            pendingBody = body
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers):
            if let body = pendingBody {
                pendingBody = nil
                context.write(wrapOutboundOut(.body(body)), promise: nil)
            }
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}
