/// The page's one inline style sheet: light and dark, cards at most 600 pixels wide, system
/// fonts with CJK fallbacks, nothing allowed to overflow a card, each network's colours.
enum PreviewStyle {
    /// The CSS.
    static let css = """
        :root { color-scheme: light dark; --bg: #f3f4f6; --card: #ffffff; --text: #0f1419; --muted: #536471; --line: #e1e4e8; --accent: #1d9bf0; --warn-bg: #fff4e5; --warn: #8a4b00; }
        @media (prefers-color-scheme: dark) { :root { --bg: #0b0d10; --card: #16181c; --text: #e7e9ea; --muted: #8b98a5; --line: #2f3336; --accent: #4aa8ff; --warn-bg: #3a2a12; --warn: #ffb65c; } }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 12px; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Microsoft YaHei", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; }
        .post { max-width: 600px; margin: 0 auto 40px; }
        .post > h1 { font-size: 20px; margin: 0 0 16px; overflow-wrap: anywhere; }
        .card { max-width: 600px; margin: 0 0 16px; padding: 12px 16px; background: var(--card); border: 1px solid var(--line); border-radius: 12px; overflow-wrap: anywhere; overflow: hidden; }
        .card-header { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; min-width: 0; }
        .avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; color: #fff; font-weight: 700; background: var(--accent); }
        .who { flex: 1; min-width: 0; overflow-wrap: anywhere; }
        .handle, .network-name, .part-label, .link-card-domain, .count-text { color: var(--muted); font-size: 13px; }
        .post-text { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; margin: 4px 0 8px; }
        .part-label { margin-top: 8px; border-top: 1px solid var(--line); padding-top: 6px; }
        a.link, a.tag, a.mention { color: var(--accent); text-decoration: none; }
        .topic-tag { display: inline-block; padding: 2px 10px; border-radius: 999px; border: 1px solid var(--line); font-size: 13px; }
        .link-card { border: 1px solid var(--line); border-radius: 12px; overflow: hidden; margin: 8px 0; }
        .link-card a { color: inherit; text-decoration: none; display: block; }
        .link-card-image { display: block; width: 100%; max-height: 300px; object-fit: cover; }
        .link-card-body { display: flex; flex-direction: column; gap: 2px; padding: 8px 12px; min-width: 0; }
        .link-card-description { color: var(--muted); font-size: 14px; }
        .link-card-url { display: block; padding: 0 12px 8px; color: var(--muted); font-size: 13px; }
        .images { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 4px; margin: 8px 0; }
        .image { margin: 0; position: relative; border-radius: 12px; overflow: hidden; border: 1px solid var(--line); min-width: 0; }
        .image img { display: block; width: 100%; height: 220px; object-fit: cover; }
        .image .note { margin: 0; padding: 24px 12px; color: var(--muted); font-size: 13px; }
        .alt-badge { font-size: 12px; padding: 4px 8px; background: rgba(0, 0, 0, 0.72); color: #fff; }
        .alt-badge::before { content: "ALT"; font-weight: 700; border-radius: 4px; padding: 0 4px; margin-right: 6px; background: #fff; color: #000; }
        .alt-badge.no-alt { background: var(--warn-bg); color: var(--warn); font-weight: 700; }
        .alt-badge.no-alt::before { content: "No alt text"; background: transparent; color: inherit; padding: 0; margin: 0; }
        .count { display: flex; align-items: center; gap: 8px; margin-top: 8px; }
        .bar { flex: 1; height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
        .bar-fill { height: 100%; background: var(--accent); }
        .count.over .bar-fill { background: #e0245e; }
        .warnings { margin: 8px 0 0; padding: 8px 12px 8px 28px; background: var(--warn-bg); color: var(--warn); border-radius: 8px; font-size: 13px; }
        .card[data-network="x"] .avatar { background: #0f1419; }
        .card[data-network="mastodon"] .avatar { background: #6364ff; }
        .card[data-network="mastodon"] a.link, .card[data-network="mastodon"] a.tag, .card[data-network="mastodon"] a.mention { color: #6364ff; }
        .card[data-network="bluesky"] .avatar { background: #1185fe; }
        .card[data-network="threads"] .avatar { background: #000000; }
        .card[data-network="threads"] a.tag { color: inherit; font-weight: 600; }
        .card[data-network="linkedin"] .avatar { background: #0a66c2; }
        .card[data-network="linkedin"] a.link, .card[data-network="linkedin"] a.tag { color: #0a66c2; font-weight: 600; }
        .card[data-network="facebook"] .avatar { background: #1877f2; }
        .card[data-network="telegram"] .avatar { background: #2aabee; }
        .card[data-network="discord"] { border-left: 4px solid #5865f2; }
        .card[data-network="discord"] .avatar { background: #5865f2; }
        .card[data-network="slack"] .avatar { background: #4a154b; }
        .card[data-network="slack"] a.link { color: #1264a3; }
        .card[data-network="tumblr"] .avatar { background: #001935; }
        .card[data-network="webhook"] .post-text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 13px; }
        """
}
