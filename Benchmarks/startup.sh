#!/usr/bin/env bash
# CLI start-up benchmark: wall time of `syndicate preview` on one post against a hello-world
# Swift executable, both release builds, run alternately in the same session (median of RUNS,
# default 30). Writes Benchmarks/REPORT-startup.md. Target (issue 7): within 5x hello world.
# Usage: bash Benchmarks/startup.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-30}"
cd "$root"
swift build -c release --traits AsyncHTTPClientTransport --product syndicate >/dev/null
syndicate="$(swift build -c release --traits AsyncHTTPClientTransport --show-bin-path)/syndicate"

hello="$root/.build-hello"
mkdir -p "$hello/Sources/hello"
cat > "$hello/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello")])
SWIFT
echo 'print("Hello, world!")' > "$hello/Sources/hello/main.swift"
swift build -c release --package-path "$hello" >/dev/null
hello_bin="$(swift build -c release --package-path "$hello" --show-bin-path)/hello"

python3 - "$runs" "$hello_bin" "$syndicate" "$here/REPORT-startup.md" <<'PY'
import os, platform, statistics, subprocess, sys, time, datetime
runs, hello, syndicate, report = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
commands = {
    "hello world (Swift, release)": [hello],
    "syndicate preview Examples/Posts/ofsted-secondments.md": [syndicate, "preview", "Examples/Posts/ofsted-secondments.md"],
    "syndicate --help": [syndicate, "--help"],
}
times = {name: [] for name in commands}
for name, command in commands.items():  # warm the page cache
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
base = statistics.median(times["hello world (Swift, release)"])
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
lines = [
    "# CLI start-up", "",
    f"Command: `bash Benchmarks/startup.sh` on {platform.system()} {platform.machine()}, {os.cpu_count()} cores, {swift}, "
    f"{datetime.date.today()}. Median of {runs} runs each, interleaved; the hello-world executable is the baseline.", "",
    "| Command | Median wall time | vs. hello world |", "|---|---:|---:|",
]
for name in commands:
    median = statistics.median(times[name])
    lines.append(f"| `{name}` | {median * 1e3:.1f} ms | {median / base:.2f}× |")
lines += ["", "Target (issue 7): `syndicate preview` of one post within 5× the hello-world start-up."]
open(report, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
