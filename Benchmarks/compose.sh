#!/bin/sh
# Composer benchmark: Syndicate composing all networks vs counting alone vs brevity (X only),
# on the same 10,000 posts, in one run. Needs `pip install brevity`.
# Usage: Benchmarks/compose.sh [count]
#   BREVITY_POSTS=N times brevity on the first N posts only (it takes ≈ 80 ms a post, so 10,000
#   posts take a quarter of an hour); the comparison is per post, so the figures still compare.
set -eu
cd "$(dirname "$0")"
COUNT="${1:-10000}"
BREVITY_POSTS="${BREVITY_POSTS:-$COUNT}"
python3 -c "import brevity" 2>/dev/null || pip install brevity
POSTS="$(mktemp -t compose-posts.XXXXXX)"
trap 'rm -f "$POSTS"' EXIT
# Default traits and --static-swift-stdlib, in the scratch folder the start-up, counting and feed
# benchmarks share (.build-startup).
swift build -c release --package-path .. --static-swift-stdlib --scratch-path ../.build-startup --product ComposeBenchmark >/dev/null
BIN="$(swift build -c release --package-path .. --static-swift-stdlib --scratch-path ../.build-startup --show-bin-path)"
SWIFT_OUT="$("$BIN/ComposeBenchmark" "$COUNT" "$POSTS")"
BREVITY_OUT="$(python3 - "$POSTS" "$BREVITY_POSTS" <<'PYTHON'
"""Times brevity.shorten(text, permalink=url, target_length=280) over the posts ComposeBenchmark
wrote (JSON lines: text, url): the shortener behind Bridgy Publish, for X alone."""
import json
import sys
import time

import brevity

path = sys.argv[1]
posts = [json.loads(line) for line in open(path, encoding="utf-8")][: int(sys.argv[2])]
for post in posts[:200]:  # warm up
    brevity.shorten(post["text"], permalink=post["url"], target_length=280)
start = time.perf_counter()
total = 0
for post in posts:
    total += len(brevity.shorten(post["text"], permalink=post["url"], target_length=280))
elapsed = time.perf_counter() - start
print(f"brevity {brevity.__version__ if hasattr(brevity, '__version__') else ''} shorten for X ({len(posts)} posts): "
      f"{len(posts) / elapsed:10.0f} posts/s  {elapsed / len(posts) * 1e6:9.2f} µs/post  (checksum {total & 0xFFFF})")
print(f"BREVITY_X_US={elapsed / len(posts) * 1e6:.3f}")
PYTHON
)"
ALL="$(echo "$SWIFT_OUT" | sed -n 's/^SWIFT_COMPOSE_ALL_US=//p')"
X="$(echo "$SWIFT_OUT" | sed -n 's/^SWIFT_COMPOSE_X_US=//p')"
BREVITY="$(echo "$BREVITY_OUT" | sed -n 's/^BREVITY_X_US=//p')"
{
    echo "# Composing"
    echo
    echo "Command: \`BREVITY_POSTS=$BREVITY_POSTS bash Benchmarks/compose.sh $COUNT\` on $(uname -sm), $(nproc) cores, $(swift --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d). Notes on earlier runs: REPORT-compose-notes.md."
    echo
    echo '```'
    echo "$SWIFT_OUT" | grep -v '_US='
    echo "$BREVITY_OUT" | grep -v '_US='
    python3 -c "
all_, x, b = $ALL, $X, $BREVITY
print(f'brevity X-only / Syndicate all-networks: {b / all_:.1f}x (target: >= 50x)')
print(f'brevity X-only / Syndicate X-only:       {b / x:.1f}x')
"
    echo '```'
} > REPORT-compose.md
cat REPORT-compose.md
