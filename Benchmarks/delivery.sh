#!/bin/sh
# Delivery benchmark: Mastodon status requests to the loopback server through URLSessionTransport
# and AsyncHTTPClientTransport at concurrency 1 and 16, each against the server's own ceiling
# (a raw-socket keep-alive client loop pipelining 16 requests per connection; beside it the same
# loop with one request in flight) measured in the same run. Writes REPORT-delivery.md.
# Usage: Benchmarks/delivery.sh [count]   (default 10000)
set -eu
cd "$(dirname "$0")"
COUNT="${1:-10000}"
swift build -c release --package-path .. --traits AsyncHTTPClientTransport --product DeliveryBenchmark >/dev/null
BIN="$(swift build -c release --package-path .. --traits AsyncHTTPClientTransport --show-bin-path)"
OUT="$("$BIN/DeliveryBenchmark" "$COUNT")"
{
    echo "# Delivery over loopback"
    echo
    echo "Command: \`bash Benchmarks/delivery.sh $COUNT\` on $(uname -sm), $(nproc) cores, $(swift --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d)."
    echo
    echo "$OUT" | grep -v '^RATIO_'
    echo
    echo "Target (issue 5): at concurrency 16, at least half of the server's ceiling with either transport."
} > REPORT-delivery.md
cat REPORT-delivery.md
