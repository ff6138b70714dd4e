import Foundation
import NIOCore
import NIOHTTP1
import Syndicate

/// The NIO handler of one connection: gathers each request, asks the server what to do with
/// it, and answers (now or after a delay) or closes the connection.
final class LoopbackHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The largest request body read; a larger one gets 413 and the connection is closed.
    static let maximumBodySize = 16 * 1024 * 1024

    private let decide: @Sendable (LoopbackRequest) -> LoopbackState.Action
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var tooLarge = false

    /// Creates a handler that asks `decide` for each complete request.
    init(decide: @escaping @Sendable (LoopbackRequest) -> LoopbackState.Action) {
        self.decide = decide
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
            tooLarge = false
        case .body(var part):
            if body.readableBytes + part.readableBytes > Self.maximumBodySize {
                tooLarge = true
            } else {
                body.writeBuffer(&part)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            if tooLarge {
                write(HTTPResponse(status: 413), keepAlive: false, context: context)
                return
            }
            let action = decide(request(from: head))
            switch action {
            case .drop:
                context.close(promise: nil)
            case .respond(let response, delay: nil):
                write(response, keepAlive: head.isKeepAlive, context: context)
            case .respond(let response, delay: let delay?):
                let keepAlive = head.isKeepAlive
                let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
                let loop = context.eventLoop.assumeIsolated()
                loop.scheduleTask(in: .nanoseconds(nanoseconds)) { [self] in
                    guard context.channel.isActive else { return }
                    write(response, keepAlive: keepAlive, context: context)
                }
            }
        }
    }

    /// The recorded form of a request: the path and query split, headers in wire order.
    private func request(from head: HTTPRequestHead) -> LoopbackRequest {
        let target = head.uri
        let path: String
        let query: String?
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = nil
        }
        var headers = Syndicate.HTTPHeaders()
        for (name, value) in head.headers { headers.add(name: name, value: value) }
        return LoopbackRequest(
            method: head.method.rawValue, path: path, query: query, headers: headers,
            body: Data(body.readableBytesView))
    }

    /// Writes `response` with its headers in order, adding `Content-Length` unless present.
    private func write(_ response: HTTPResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = NIOHTTP1.HTTPHeaders()
        for field in response.headers { headers.add(name: field.name, value: field.value) }
        let bodiless = response.status == 204 || response.status == 304 || (100..<200).contains(response.status)
        if !bodiless, response.headers["Content-Length"] == nil {
            headers.add(name: "Content-Length", value: String(response.body.count))
        }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !bodiless, !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.whenComplete { _ in loopContext.value.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
