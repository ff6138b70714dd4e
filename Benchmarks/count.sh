#!/usr/bin/env bash
# Counting benchmark: Syndicate's X counting vs a naive Swift loop and Python's
# twitter-text-parser, in process and as whole processes. Writes Benchmarks/REPORT-count.md.
#
#   bash Benchmarks/count.sh            (from the repository root or anywhere)
#
# Needs python3 with twitter-text-parser (installed with pip when missing). parse_tweet takes
# milliseconds per text, so Python's in-process run over all 100,000 texts takes about ten
# minutes; PYTHON_TEXTS=10000 times it on the first 10,000 texts instead (rates stay comparable).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=Benchmarks/data
mkdir -p "$data"

echo "== building in release mode"
# Built as the CLI is installed (default traits, --static-swift-stdlib), in the scratch folder
# Benchmarks/startup.sh uses, so the whole-process row measures what a user runs.
flags=(-c release --static-swift-stdlib --scratch-path "$root/.build-startup")
swift build "${flags[@]}" --product CountBenchmark
swift build "${flags[@]}" --product syndicate
bench="$(swift build "${flags[@]}" --show-bin-path)/CountBenchmark"
syndicate="$(swift build "${flags[@]}" --show-bin-path)/syndicate"

python3 -c "import twitter_text" 2>/dev/null || python3 -m pip install --quiet twitter-text-parser

echo "== generating texts"
"$bench" generate "$data/texts-100k.jsonl" 100000
head -n 5000 "$data/texts-100k.jsonl" > "$data/texts-5k.jsonl"

echo "== Swift, in process"
"$bench" run "$data/texts-100k.jsonl" > "$data/swift.txt"
cat "$data/swift.txt"

echo "== Python and whole processes"
SYNDICATE="$syndicate" DATA="$data" PYTHON_TEXTS="${PYTHON_TEXTS:-100000}" python3 - <<'PY'
import json, os, platform, statistics, subprocess, sys, time
from importlib.metadata import version
from twitter_text import parse_tweet

data = os.environ["DATA"]
syndicate = os.environ["SYNDICATE"]
with open(f"{data}/texts-100k.jsonl", encoding="utf-8") as f:
    texts = [json.loads(line) for line in f][: int(os.environ["PYTHON_TEXTS"])]
nbytes = sum(len(t.encode("utf-8")) for t in texts)

# In process: the same texts through parse_tweet, once (it is slow enough to time reliably).
start = time.perf_counter()
checksum = sum(parse_tweet(t).weightedLength for t in texts)
best = time.perf_counter() - start

# Whole processes, start-up included: 5,000 texts as JSON lines on stdin, JSON lines out.
py_program = (
    "import sys, json\n"
    "from twitter_text import parse_tweet\n"
    "out = []\n"
    "for line in sys.stdin:\n"
    "    t = json.loads(line)\n"
    "    r = parse_tweet(t)\n"
    "    out.append(json.dumps({'network': 'x', 'length': r.weightedLength, 'limit': 280, 'valid': r.valid,"
    " 'bytes': len(t.encode('utf-8')), 'graphemes': len(t)}))\n"
    "sys.stdout.write('\\n'.join(out) + '\\n')\n"
)

def whole(command):
    times = []
    for _ in range(3):
        with open(f"{data}/texts-5k.jsonl", "rb") as stdin:
            start = time.perf_counter()
            done = subprocess.run(command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - start)
        lines = done.stdout.count(b"\n")
        if lines != 5000:
            sys.exit(f"{command[0]} printed {lines} lines, not 5000 (exit {done.returncode}): {done.stderr[:300]!r}")
    return statistics.median(times)

swift_whole = whole([syndicate, "count", "--network", "x", "--jsonl"])
python_whole = whole([sys.executable, "-c", py_program])

with open(f"{data}/python.txt", "w") as f:
    f.write(f"python.texts={len(texts)}\npython.seconds={best}\npython.texts_per_second={len(texts) / best}\n")
    f.write(f"python.mb_per_second={nbytes / 1e6 / best}\npython.checksum={checksum}\n")
    f.write(f"python.version={platform.python_version()}\n")
    f.write(f"python.package=twitter-text-parser {version('twitter-text-parser')}\n")
    f.write(f"whole.swift.seconds={swift_whole}\nwhole.python.seconds={python_whole}\n")
print(open(f"{data}/python.txt").read())
PY

echo "== writing Benchmarks/REPORT-count.md"
SWIFT_VERSION="$(swift --version 2>&1 | head -n 1)" CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || sysctl -n machdep.cpu.brand_string)" \
CORES="$(getconf _NPROCESSORS_ONLN)" KERNEL="$(uname -srm)" LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)" \
STANDIN="$([ -f Sources/Syndicate/Text/Networks/TEMP-TwitterTextStandIn.swift ] && echo yes || echo no)" \
DATA="$data" python3 - <<'PY'
import datetime, os
values = {}
for name in ("swift.txt", "python.txt"):
    for line in open(os.path.join(os.environ["DATA"], name)):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            values[key] = value
f = lambda key: float(values[key])
texts, nbytes = int(values["texts"]), int(values["bytes"])
rows = [
    ("Swift `TwitterText.parse` (weighted length)", "parse"),
    ("Swift `NetworkRule.x.measure` (adds bytes and graphemes)", "measure"),
    ("Swift naive `unicodeScalars.count` loop", "naive"),
    (f"Python `parse_tweet` ({values['python.package']})", "python"),
]
standin = os.environ["STANDIN"] == "yes"
lines = [
    "# Counting benchmark (X)",
    "",
    f"Generated by `bash Benchmarks/count.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
    "",
]
if standin:
    lines += [
        "> **Measured with the temporary twitter-text stand-in** "
        "(`Sources/Syndicate/Text/Networks/TEMP-TwitterTextStandIn.swift`, naive weighting, no URL or emoji "
        "handling). These figures test the harness, not the real counter; rerun `bash Benchmarks/count.sh` "
        "after the real `TwitterText` is merged.",
        "",
    ]
lines += [
    "## Machine",
    "",
    f"- CPU: {os.environ['CPU']} ({os.environ['CORES']} cores online; shared machine, load average {os.environ['LOAD']} at the end)",
    f"- OS: {os.environ['KERNEL']}",
    f"- Swift: {os.environ['SWIFT_VERSION']}, release build (`-c release --static-swift-stdlib`, default traits)",
    f"- Python: {values['python.version']}, {values['python.package']}",
    "",
    f"## In process: {texts:,} mixed texts ({nbytes / 1e6:.2f} MB UTF-8; English, CJK, emoji with ZWJ/skin tones/flags, URLs, tags)",
    "",
    "Swift: best of 9 runs over all texts, in 3 rounds where each counter runs 3 times in a row and the counters take turns. Python: one run over the first "
    f"{int(values['python.texts']):,} texts (parse_tweet is slow; the rate is per text, so the figures compare). "
    "Texts are generated deterministically (SplitMix64, seed 2026) by `CountBenchmark generate`.",
    "",
    "| Counter | texts | seconds | texts/s | MB/s |",
    "|---|---:|---:|---:|---:|",
]
for label, key in rows:
    count = int(values["python.texts"]) if key == "python" else texts
    lines.append(f"| {label} | {count:,} | {f(key + '.seconds'):.4f} | {f(key + '.texts_per_second'):,.0f} | {f(key + '.mb_per_second'):,.2f} |")
# Rates, not times: Python may have counted fewer texts than Swift.
parse_vs_python = f("parse.texts_per_second") / f("python.texts_per_second")
parse_vs_naive = f("parse.seconds") / f("naive.seconds")
measure_vs_naive = f("measure.seconds") / f("naive.seconds")
lines += [
    "",
    "| Ratio | value | target |",
    "|---|---:|---|",
    f"| `TwitterText.parse` speed-up over `parse_tweet` | {parse_vs_python:,.0f}× | ≥ 100× — {'met' if parse_vs_python >= 100 else 'NOT met'} |",
    f"| `TwitterText.parse` time / naive loop time | {parse_vs_naive:.2f}× | ≤ 3× — {'met' if parse_vs_naive <= 3 else 'NOT met'} |",
    f"| `NetworkRule.x.measure` time / naive loop time | {measure_vs_naive:.2f}× | (informative: grapheme counting included) |",
    "",
    "## Whole process: 5,000 texts as JSON lines, start-up included",
    "",
    "Median of 3 runs; both read the first 5,000 texts as JSON lines on standard input and print one JSON object per line.",
    "",
    "| Process | seconds |",
    "|---|---:|",
    f"| `syndicate count --network x --jsonl` | {f('whole.swift.seconds'):.3f} |",
    f"| `python3` with `parse_tweet` | {f('whole.python.seconds'):.3f} |",
    "",
    f"Swift is {f('whole.python.seconds') / f('whole.swift.seconds'):.1f}× faster as a whole process.",
    "",
    "The Python process prints code points as `graphemes` (Python has no grapheme counter in its standard library), "
    "so it does slightly less work per line than `syndicate`.",
    "",
    "Checksums (sum of weighted lengths; comparable only when Python ran all texts, and equal only when the "
    f"counters agree): Swift {values['parse.checksum']} over {texts:,}, Python {values['python.checksum']} over "
    f"{int(values['python.texts']):,}.",
    "",
]
open("Benchmarks/REPORT-count.md", "w").write("\n".join(lines))
print("\n".join(lines))
PY
