import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Every network's retract and update as a dry run shows them: the example article is posted
/// through a ``DryRunClient`` with an in-memory ledger, then retracted (or, in a second ledger,
/// updated with a corrected summary, reposting where the network cannot edit), and the
/// requests of that second step are compared with
/// `Tests/SyndicateTests/__Goldens__/dry-run-{retract,update}-<network>.json`.
///
/// Re-record after an intended change with `SYNDICATE_RECORD_GOLDENS=1 swift test --filter
/// RevisionDryRunGoldenTests`, then review the diff.
@Suite struct RevisionDryRunGoldenTests {
    /// What a golden holds: the outcome in words and the requests sent for it.
    struct Recorded: Encodable {
        var outcome: String
        var requests: [RedactedRequest]
    }

    /// The example article without its images (the image goldens are the sports-day ones).
    static func post() throws -> Post {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return post
    }

    /// The same post with a corrected summary: what `update` sends.
    static func corrected(_ post: Post) -> Post {
        var corrected = post
        corrected.summary = "Correction: the secondments start in September, not January. " + (post.summary ?? "")
        return corrected
    }

    /// Posts the example through a dry-run client of `network`, then runs `step` and returns
    /// its outcome and requests.
    static func record(
        _ network: SocialNetwork, _ step: (LedgeredPoster, any NetworkClient, Post) async -> RevisionResult
    ) async throws -> (RevisionResult, Recorded) {
        let dryRun = try DryRunClient(network: network, environment: DryRunHarness.environment(DryRunTransport()))
        let poster = LedgeredPoster(
            ledger: InMemoryLedger(), poster: CrossPoster(environment: DryRunHarness.environment(DryRunTransport())))
        let post = try Self.post()
        let posted = await poster.deliver(post, feed: nil, through: dryRun.client)
        #expect(posted.delivery?.delivery != nil, "\(network): \(String(describing: posted.delivery?.error))")
        _ = await dryRun.takeRequests()
        let result = await step(poster, dryRun.client, post)
        return (result, Recorded(outcome: Self.describe(result.outcome), requests: await dryRun.takeRequests()))
    }

    /// An outcome in words, for the golden.
    static func describe(_ outcome: RevisionResult.Outcome) -> String {
        switch outcome {
        case .retracted(let copy): "retracted \(copy.allIDs.joined(separator: ", "))"
        case .edited(let delivery): "edited \(delivery.remoteID)"
        case .reposted(let delivery, let old): "reposted as \(delivery.remoteID), replacing \(old.remoteID)"
        case .unchanged(let copy): "unchanged \(copy.remoteID)"
        case .noCopy(let entry): "no copy (\(entry?.state.rawValue ?? "no entry"))"
        case .failed(let error): "failed (\(error.category)): \(error.description)"
        case .ledgerFailed(let error, let sent): "ledger failed (sent: \(sent)): \(error)"
        }
    }

    @Test("retract as a dry run", arguments: SocialNetwork.allCases)
    func retract(network: SocialNetwork) async throws {
        let (result, recorded) = try await Self.record(network) { poster, client, post in
            await poster.retract(postID: post.id, through: client)
        }
        let support = try DryRunClient(network: network).client.revisionSupport
        if support.retract.isSupported {
            #expect(result.isDone, "\(network): \(recorded.outcome)")
            #expect(!recorded.requests.isEmpty)
        } else {
            #expect(result.error?.category == .unsupported)
            #expect(recorded.requests.isEmpty, "nothing is sent where the network cannot delete")
        }
        assertGolden(try Golden.render(recorded), named: "dry-run-retract-\(network.rawValue)", target: "SyndicateTests")
    }

    @Test("update (reposting where the network cannot edit) as a dry run", arguments: SocialNetwork.allCases)
    func update(network: SocialNetwork) async throws {
        let (result, recorded) = try await Self.record(network) { poster, client, post in
            await poster.update(Self.corrected(post), through: client, repost: true)
        }
        let support = try DryRunClient(network: network).client.revisionSupport
        switch result.outcome {
        case .edited: #expect(support.edit.isSupported)
        case .reposted: #expect(!support.edit.isSupported && support.retract.isSupported)
        default: #expect(!support.retract.isSupported && result.error?.category == .unsupported, "\(network): \(recorded.outcome)")
        }
        assertGolden(try Golden.render(recorded), named: "dry-run-update-\(network.rawValue)", target: "SyndicateTests")
    }
}
