import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("ThreadsClient: retract")
struct ThreadsRevisionTests {
    let settings = AccountSettings(
        network: .threads, account: "school", values: ["USER_ID": "17841400000000001", "ACCESS_TOKEN": "threads-token-1234"])

    static func graphError(_ status: Int, code: Int, subcode: Int? = nil, message: String) -> HTTPResponse {
        var error: [String: Any] = ["message": message, "type": "THApiException", "code": code, "fbtrace_id": "A"]
        if let subcode { error["error_subcode"] = subcode }
        let body = (try? JSONSerialization.data(withJSONObject: ["error": error])) ?? Data()
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    func client(_ transport: DryRunTransport) throws(DeliveryError) -> ThreadsClient {
        try ThreadsClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    @Test("Threads can delete but not edit")
    func support() throws {
        #expect(try client(DryRunTransport()).revisionSupport == .deleteOnly(.threads))
    }

    @Test("DELETE /v1.0/{media-id} with the access token in the query, no body")
    func requestShape() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(PostedCopy(network: .threads, account: "school", remoteID: "18000000000000001"))
        let request = try #require(await transport.requests.first)
        #expect(await transport.requests.count == 1)
        #expect(request.method == .delete)
        #expect(request.url.absoluteString == "https://graph.threads.net/v1.0/18000000000000001?access_token=threads-token-1234")
        #expect(request.body == nil)
    }

    @Test("every id is deleted, last first")
    func order() async throws {
        let transport = DryRunTransport()
        try await client(transport).retract(PostedCopy(network: .threads, account: "school", remoteID: "1", partIDs: ["1", "2"]))
        #expect(await transport.requests.map(\.url.lastPathComponent) == ["2", "1"])
    }

    @Test("a post already gone (code 100, subcode 33 \"does not exist\", or 404) counts as deleted", arguments: [
        graphError(400, code: 100, subcode: 33, message: "Unsupported delete request. Object with ID '1' does not exist, cannot be loaded due to missing permissions, or does not support this operation"),
        graphError(404, code: 803, message: "(#803) Some of the aliases you requested do not exist"),
    ])
    func alreadyGone(_ response: HTTPResponse) async throws {
        let transport = DryRunTransport { _ in response }
        try await client(transport).retract(PostedCopy(network: .threads, account: "school", remoteID: "1"))
        #expect(await transport.requests.count == 1)
    }

    @Test("a refused token, a missing threads_delete permission, a call limit and success: false are errors")
    func errors() async throws {
        let cases: [(HTTPResponse, DeliveryError.Category)] = [
            (Self.graphError(400, code: 190, message: "Invalid OAuth access token - Cannot parse access token"), .unauthorized),
            (Self.graphError(403, code: 10, message: "(#10) Application does not have permission for this action"), .forbidden),
            (Self.graphError(400, code: 4, message: "(#4) Application request limit reached"), .rateLimited),
            (.json(["success": false]), .unexpectedResponse),
        ]
        for (response, category) in cases {
            let transport = DryRunTransport { _ in response }
            do throws(DeliveryError) {
                try await client(transport).retract(PostedCopy(network: .threads, account: "school", remoteID: "1"))
                Issue.record("\(category) must fail")
            } catch {
                #expect(error.category == category, "\(error)")
                #expect(!error.description.contains("threads-token-1234"))
                if category == .forbidden { #expect(error.fix.contains("threads_delete")) }
            }
        }
    }
}
