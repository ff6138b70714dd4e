import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport

/// The golden preview pages: which posts each one draws, on every network with the default
/// composer. Shared by the golden test and the browser test.
enum PreviewGoldenPages {
    struct Page: Sendable {
        /// The golden's name, without `.html`.
        var name: String
        /// The posts and their payloads.
        var previews: @Sendable () throws -> [PostPreview]
    }

    /// `posts` composed for every network.
    static func previews(_ posts: [Post]) throws -> [PostPreview] {
        try posts.map { PostPreview(post: $0, payloads: try Composer().payloads(for: $0, on: SocialNetwork.allCases)) }
    }

    /// Two posts in scripts that lay out differently: Arabic (right to left, with a Latin URL
    /// and hashtags inside) and Japanese (no spaces to break at).
    static let scripts: [Post] = [
        Post(
            id: "https://school.example/ar/library", title: "مدرسة الأمل تفتتح مكتبة جديدة للطلاب",
            url: URL(string: "https://school.example/ar/library"),
            summary: "افتتحت مدرسة الأمل الابتدائية مكتبتها الجديدة يوم الاثنين بحضور أولياء الأمور. تضم المكتبة أكثر من ثلاثة آلاف كتاب باللغتين العربية والإنجليزية.",
            tags: ["مكتبة", "Reading"], language: "ar", siteName: "مدرسة الأمل"),
        Post(
            id: "https://school.example/ja/sports-day", title: "運動会は雨のため来週の金曜日に延期されました",
            url: URL(string: "https://school.example/ja/sports-day"),
            summary: "本日予定していた運動会は、天候不良のため来週の金曜日に延期いたします。保護者の皆様にはご不便をおかけしますが、ご理解とご協力をお願いいたします。お弁当の準備は当日で構いません。",
            tags: ["運動会", "School"], language: "ja", siteName: "さくら小学校"),
    ]

    /// The example article without its images: every network then draws its link card.
    static func linkCards() throws -> [PostPreview] {
        var post = try PreviewPages.posts("ofsted-secondments.html")[0]
        post.images = []
        return try previews([post])
    }

    static let all: [Page] = [
        Page(name: "preview-ofsted-secondments") { try previews(try PreviewPages.posts("ofsted-secondments.html")) },
        Page(name: "preview-school-news") { try previews(try PreviewPages.posts("school-news.rss", count: 2)) },
        Page(name: "preview-sports-day") { try previews(try PreviewPages.posts("sports-day.md")) },
        Page(name: "preview-link-cards") { try linkCards() },
        Page(name: "preview-scripts") { try previews(scripts) },
    ]
}
