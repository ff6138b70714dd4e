#!/usr/bin/env bash
# Runs every benchmark in release mode and writes Benchmarks/REPORT.md (each part also keeps its
# own REPORT-<part>.md). One command reproduces the README's figures:
#
#   bash Benchmarks/run.sh                 everything; feed import at 10,000 and 100,000 items
#   QUICK=1 bash Benchmarks/run.sh         10,000 feed items, Python's counter on 10,000 texts
#   PARTS="startup adversarial" bash Benchmarks/run.sh     a subset
#
# Baselines are measured in the same run: Python feedparser (feeds), a naive scalar loop and
# Python twitter-text-parser (count), brevity (compose), a raw-socket client (delivery), a 1/10
# size input (adversarial), a hello-world executable (startup). Needs python3 and pip for the
# Python baselines. Run on a quiet machine: the figures are ratios, but load skews them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
parts="${PARTS:-feeds count compose delivery adversarial startup}"
if [ -n "${QUICK:-}" ]; then
    export SIZES="${SIZES:-10000}" PYTHON_TEXTS="${PYTHON_TEXTS:-10000}"
fi
for part in $parts; do
    echo "==== $part"
    bash "$here/$part.sh"
done
{
    echo "# Benchmark report"
    echo
    if [ -n "${parts// /}" ]; then
        echo "Written by \`bash Benchmarks/run.sh\` (parts run: $parts) on $(date -u '+%Y-%m-%d %H:%M') UTC; other parts are their latest reports."
    else
        echo "Assembled by \`bash Benchmarks/run.sh\` from each part's latest report on $(date -u '+%Y-%m-%d %H:%M') UTC."
    fi
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}') RAM, $(uname -sr); $(swift --version 2>/dev/null | head -1)."
    echo
    for part in feeds count compose delivery adversarial startup; do
        if [ -f "$here/REPORT-$part.md" ]; then
            sed 's/^# /## /' "$here/REPORT-$part.md"
            echo
        fi
    done
} > "$here/REPORT.md"
echo "wrote $here/REPORT.md"
