import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("XClient broken threads")
struct XThreadFailureTests {
    @Test("a thread whose second part fails reports the posted part and is not retried")
    func secondPartFails() async throws {
        let transport = DryRunTransport { request in
            let body = String(decoding: request.body ?? Data(), as: UTF8.self)
            return body.contains("two 2/2") ? HTTPResponse(status: 503, body: Data(#"{"title":"Service Unavailable"}"#.utf8)) : nil
        }
        let settings = AccountSettings(network: .x, values: ["BEARER_TOKEN": "x-bearer-token-123"])
        let client = try XClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        var payload = try Composer().payload(for: post, on: .x)
        payload.parts = [.init(index: 1, text: "one 1/2", length: 7), .init(index: 2, text: "two 2/2", length: 7)]
        let result = await CrossPoster(environment: DryRunHarness.environment(transport)).deliver(payload, of: post, through: client)
        let error = try #require(result.error)
        #expect(error.category == .serverError)
        #expect(error.postedPartIDs == ["1000000000000000001"])
        #expect(result.attempts == 1)
        #expect(await transport.requests.count == 2)
    }
}
