import Foundation

/// Decides which elements of a page are not the article: navigation, page furniture and
/// boilerplate such as share bars, newsletter boxes, related posts and comment sections.
///
/// An element is judged by its tag (`nav`, `header`, `footer`, `aside`, `form`…), its ARIA
/// `role`, whether it is hidden, and the words of its `class` and `id`. Class words are matched
/// as Readability matches them, with two refinements: a class token that also names the content
/// (`entry-content`, `content-sidebar-wrap`) is no evidence unless it names comments, and state
/// or taxonomy classes (`has-sidebar`, `tag-social-media`) are ignored. `<html>`, `<body>`,
/// `<main>` and `itemprop=articleBody` are never judged by class.
///
/// Text leaves out every role but ``Role/content``; the search for bylines, dates and tags
/// leaves out only navigation and boilerplate, since headers, footers and `entry-meta` blocks
/// are where those live. Roles are worked out once per element when the filter is made.
struct HTMLElementFilter {
    /// What an element is to the reader.
    enum Role: Equatable {
        /// Possibly part of the article.
        case content
        /// Furniture around the text that may carry the byline, dates or tags: headers,
        /// footers, `entry-meta` and `byline` blocks.
        case furniture
        /// Navigation and side matter: `nav`, `aside`, forms, menus, dialogs.
        case navigation
        /// Never part of the article: comments, share bars, sign-up boxes, hidden elements.
        case boilerplate
    }

    static let furnitureElements: Set<String> = ["header", "footer"]
    static let navigationElements: Set<String> = ["nav", "aside", "form", "menu", "dialog"]
    static let furnitureRoles: Set<String> = ["banner", "contentinfo"]
    static let navigationRoles: Set<String> = [
        "navigation", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    ]
    /// Elements never judged by their class: a `<body class="has-comments">` is still the page.
    static let exemptElements: Set<String> = ["html", "body", "main"]

    /// Roots that mark boilerplate wherever they occur in a class token (`commentlist`, `sharebar`).
    static let boilerplateRoots = [
        "comment", "disqus", "newsletter", "subscribe", "subscription", "cookie", "sidebar", "breadcrumb",
        "related", "social", "share", "sharing", "promo", "advert", "sponsor", "popup", "consent", "outbrain",
        "taboola", "signup", "sign-up", "widget", "paywall", "gdpr", "banner",
    ]
    /// Roots that mark comments; they count even in a token that also names the content.
    static let commentRoots = ["comment", "disqus"]
    /// Words that mark boilerplate only as whole words of a class token (`ad`, not `header`).
    static let boilerplateWords: Set<String> = ["ad", "ads", "adslot", "modal", "skip", "print", "respond", "replies", "popover"]
    /// Words that mark page furniture as whole words of a class token (`entry-header`, `post-meta`).
    static let furnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "meta", "byline", "author",
        "dateline", "timestamp", "tags", "categories",
    ]
    /// Roots that mark a token as naming the content itself.
    static let contentRoots = ["content", "article", "main", "entry", "story"]
    /// Class-token prefixes that describe state or taxonomy, not a part of the page.
    static let ignoredPrefixes = ["has-", "with-", "no-", "tag-", "category-", "categories-", "postid-", "page-id-", "topic-"]

    let tree: HTMLTree
    /// The role of every node, worked out once.
    private let roles: [Role]

    init(tree: HTMLTree) {
        self.tree = tree
        roles = tree.nodes.indices.map { tree.nodes[$0].kind == .element ? Self.role(of: $0, in: tree) : .content }
    }

    /// The role of element `node`.
    func role(of node: Int) -> Role {
        roles[node]
    }

    private static func role(of node: Int, in tree: HTMLTree) -> Role {
        let name = tree.name(node)
        if isHidden(node, in: tree) { return .boilerplate }
        if let role = tree.attribute("role", of: node)?.lowercased() {
            if Self.navigationRoles.contains(role) { return .navigation }
            if Self.furnitureRoles.contains(role) { return .furniture }
        }
        if Self.navigationElements.contains(name) { return .navigation }
        if Self.furnitureElements.contains(name) { return .furniture }
        if Self.exemptElements.contains(name) || tree.attribute("itemprop", of: node)?.lowercased() == "articlebody" {
            return .content
        }
        let labels = [tree.attribute("class", of: node), tree.attribute("id", of: node)].compactMap { $0 }
        var role = Role.content
        for label in labels {
            for token in label.lowercased().split(whereSeparator: \.isWhitespace) {
                switch Self.role(ofClassToken: token) {
                case .boilerplate: return .boilerplate
                case .furniture, .navigation: role = .furniture
                case .content: break
                }
            }
        }
        return role
    }

    /// Whether the article's text leaves `node` out.
    func skipsInText(_ node: Int) -> Bool {
        role(of: node) != .content
    }

    /// Whether a search for the byline, dates, tags and headline leaves `node` out: boilerplate
    /// and navigation, but not headers and footers, which often hold exactly those.
    func skipsInMetadata(_ node: Int) -> Bool {
        switch role(of: node) {
        case .content, .furniture: return false
        case .boilerplate, .navigation: return true
        }
    }

    static func role(ofClassToken token: Substring) -> Role {
        if ignoredPrefixes.contains(where: { token.hasPrefix($0) }) { return .content }
        if commentRoots.contains(where: { mentions(token, $0) }) { return .boilerplate }
        let namesContent = contentRoots.contains { mentions(token, $0) }
        if !namesContent, boilerplateRoots.contains(where: { mentions(token, $0) }) { return .boilerplate }
        let words = token.split { !($0.isLetter || $0.isNumber) }
        if words.contains(where: { boilerplateWords.contains(String($0)) }) { return .boilerplate }
        if words.contains(where: { furnitureWords.contains(String($0)) }) { return .furniture }
        return .content
    }

    /// Whether `text` contains `needle`, compared byte by byte (no Foundation bridging; the
    /// texts are short class names, so the simple search is the fast one).
    static func mentions(_ text: Substring, _ needle: String) -> Bool {
        let haystack = text.utf8
        let pattern = needle.utf8
        guard let first = pattern.first, haystack.count >= pattern.count else { return pattern.isEmpty }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while index <= last {
            if haystack[index] == first, haystack[index...].starts(with: pattern) { return true }
            index = haystack.index(after: index)
        }
        return false
    }

    private static func isHidden(_ node: Int, in tree: HTMLTree) -> Bool {
        let attributes = tree.nodes[node].attributes
        if attributes.contains(where: { $0.name == "hidden" }) { return true }
        if tree.attribute("aria-hidden", of: node)?.lowercased() == "true" { return true }
        if let style = tree.attribute("style", of: node)?.lowercased().filter({ !$0.isWhitespace }),
            mentions(style[...], "display:none") || mentions(style[...], "visibility:hidden")
        {
            return true
        }
        return false
    }
}
