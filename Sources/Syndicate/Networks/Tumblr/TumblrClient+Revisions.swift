import Foundation

/// Deleting and editing posts through Tumblr's API v2, signed with OAuth 1.0a as a new post is:
///
/// - Delete: `POST /v2/blog/{blog-identifier}/post/delete` with the form field `id` (a form body,
///   so `id` is part of the signature base string), answered `200 OK`. A post already gone
///   answers 404 ("the given post ID … doesn't exist"), which counts as deleted, so a delete is
///   safe to repeat.
/// - Edit: `PUT /v2/blog/{blog-identifier}/posts/{post-id}` with the same NPF JSON body as a new
///   post (`content`, `tags`, `source_url`, …: "all of the request parameters from the NPF Post
///   Creation route are expected"), answered `200 OK` with `{"response": {"id"}}`. The image
///   blocks are sent again from the payload's public image URLs, as a new post sends them, so
///   the images stay; 404 when the post is gone.
///
/// Sources: tumblr/docs `api.md` ("`/posts/{post-id}` - Editing a Post (Neue Post Format)",
/// "`/post/delete` – Delete a Post", "Errors and Error Subcodes": "404 Not Found when the given
/// post ID for editing/fetching doesn't exist"). UNVERIFIED: the answer to a delete of a post
/// already deleted (404 is assumed, as for an edit; a 404 for an unknown blog reads the same).
extension TumblrClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// `{API_BASE}/v2/blog/{blog}/post/delete`.
    var deleteEndpoint: URL {
        apiBase.appendingPathComponent("v2").appendingPathComponent("blog").appendingPathComponent(blog)
            .appendingPathComponent("post").appendingPathComponent("delete")
    }

    /// The signed form request deleting post `id`.
    func deleteRequest(_ id: String) -> HTTPRequest {
        var request = HTTPRequest.form(url: deleteEndpoint, headers: ["User-Agent": Self.userAgent], fields: [("id", id)])
        request.headers["Authorization"] = signer.authorization(for: request, nonce: environment.nonce(), timestamp: environment.now())
        return request
    }

    /// The signed `PUT /posts/{id}` replacing post `id` with `payload`.
    func editRequest(_ id: String, payload: SharePayload, images: [(url: URL, alt: String)]) throws(DeliveryError) -> HTTPRequest {
        try request(for: payload, images: images, method: .put, url: endpoint.appendingPathComponent(id))
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        for id in copy.allIDs.reversed() {
            let response = try await exchange.send(deleteRequest(id))
            // 404: deleted already (by hand, or by an attempt whose answer was lost).
            guard response.isSuccess || response.status == 404 else { throw error(for: response) }
        }
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        try copy.requireSameParts(as: payload, singlePart: true)
        let (images, warnings) = exchange.publicImages(payload.images, limits: TumblrNetwork.images)
        let response = try await exchange.send(try editRequest(copy.remoteID, payload: payload, images: images))
        guard response.isSuccess else {
            var failure = error(for: response)
            if response.status == 404 { failure = failure.copyGone("post \(copy.remoteID) is no longer on the blog") }
            throw failure
        }
        var delivery = try exchange.delivery(of: copy)
        delivery.warnings = warnings
        return delivery
    }
}
