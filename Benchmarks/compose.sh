#!/bin/sh
# Composer benchmark: Syndicate composing all networks vs counting alone vs brevity (X only),
# on the same 10,000 posts, in one run. Needs `pip install brevity`.
# Usage: Benchmarks/compose.sh [count]
set -eu
cd "$(dirname "$0")"
COUNT="${1:-10000}"
POSTS="$(mktemp -t compose-posts.XXXXXX)"
trap 'rm -f "$POSTS"' EXIT
swift build -c release --product ComposeBenchmark >/dev/null
SWIFT_OUT="$(.build/release/ComposeBenchmark "$COUNT" "$POSTS")"
BREVITY_OUT="$(python3 brevity-bench.py "$POSTS")"
echo "$SWIFT_OUT" | grep -v '_US='
echo "$BREVITY_OUT" | grep -v '_US='
ALL="$(echo "$SWIFT_OUT" | sed -n 's/^SWIFT_COMPOSE_ALL_US=//p')"
X="$(echo "$SWIFT_OUT" | sed -n 's/^SWIFT_COMPOSE_X_US=//p')"
BREVITY="$(echo "$BREVITY_OUT" | sed -n 's/^BREVITY_X_US=//p')"
python3 -c "
all_, x, b = $ALL, $X, $BREVITY
print(f'brevity X-only / Syndicate all-networks: {b / all_:.1f}x (target: >= 50x)')
print(f'brevity X-only / Syndicate X-only:       {b / x:.1f}x')
"
