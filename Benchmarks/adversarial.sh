#!/usr/bin/env bash
# Adversarial-input benchmark: each hostile input at full size and at a tenth of it, in release
# mode, in one run; writes Benchmarks/REPORT-adversarial.md. A time ratio near 10 is linear.
# Usage: bash Benchmarks/adversarial.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
swift build -c release --traits AsyncHTTPClientTransport --product AdversarialBenchmark >/dev/null
bin="$(swift build -c release --traits AsyncHTTPClientTransport --show-bin-path)"
out="$("$bin/AdversarialBenchmark")"
{
    echo "# Adversarial input"
    echo
    echo "Command: \`bash Benchmarks/adversarial.sh\` on $(uname -sm), $(nproc) cores, $(swift --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d). Best of 3; the 1/10-size run is the baseline."
    echo
    echo "$out"
} > "$here/REPORT-adversarial.md"
cat "$here/REPORT-adversarial.md"
