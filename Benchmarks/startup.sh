#!/usr/bin/env bash
# CLI start-up benchmark: wall time of `syndicate preview` on one post against a hello-world
# Swift executable, both release builds, run alternately in the same session (median of RUNS,
# default 30). Writes Benchmarks/REPORT-startup.md. Target (issue 7): within 5x hello world.
#
# The CLI is built the way it is installed: release, default traits, the Swift runtime and
# Foundation linked statically (`--static-swift-stdlib`), in its own scratch folder
# (.build-startup) so that the other benchmarks' build in .build is left alone. The baseline is
# the hello world a newcomer gets from `swift build -c release` (dynamic runtime); a statically
# linked hello world is measured too and reported beside it.
# Usage: bash Benchmarks/startup.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-30}"
cd "$root"
cli_flags=(-c release --product syndicate --static-swift-stdlib --scratch-path "$root/.build-startup")
swift build "${cli_flags[@]}" >/dev/null
syndicate="$(swift build "${cli_flags[@]}" --show-bin-path)/syndicate"

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
static_flags=(-c release --package-path "$hello" --static-swift-stdlib --scratch-path "$hello/.build-static")
swift build "${static_flags[@]}" >/dev/null
hello_static="$(swift build "${static_flags[@]}" --show-bin-path)/hello"

python3 - "$runs" "$hello_bin" "$hello_static" "$syndicate" "$here/REPORT-startup.md" <<'PY'
import datetime, os, platform, statistics, subprocess, sys, time
runs, hello, hello_static, syndicate, report = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
BASE, STATIC_BASE = "hello world (Swift, release)", "hello world (Swift, release, --static-swift-stdlib)"
commands = {
    BASE: [hello],
    STATIC_BASE: [hello_static],
    "syndicate preview Examples/Posts/ofsted-secondments.md": [syndicate, "preview", "Examples/Posts/ofsted-secondments.md"],
    "syndicate --help": [syndicate, "--help"],
}
times = {name: [] for name in commands}
for command in commands.values():  # warm the page cache
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)


def libraries(path):
    """Shared libraries the dynamic loader maps for `path` (ldd's lines, the vDSO left out)."""
    lines = subprocess.run(["ldd", path], capture_output=True, text=True).stdout.splitlines()
    return sum(1 for line in lines if "linux-vdso" not in line and line.strip())


base = statistics.median(times[BASE])
static_base = statistics.median(times[STATIC_BASE])
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
lines = [
    "# CLI start-up", "",
    f"Command: `bash Benchmarks/startup.sh` on {platform.system()} {platform.machine()}, {os.cpu_count()} cores, {swift}, "
    f"{datetime.date.today()}. Median of {runs} runs each, interleaved. `syndicate` is the release build with default "
    "traits and `--static-swift-stdlib`, as it is installed; the baseline is the default release hello world.", "",
    "| Command | Shared libraries | Median wall time | vs. hello world | vs. static hello world |",
    "|---|---:|---:|---:|---:|",
]
for name, command in commands.items():
    median = statistics.median(times[name])
    lines.append(
        f"| `{name}` | {libraries(command[0])} | {median * 1e3:.1f} ms | {median / base:.2f}× | {median / static_base:.2f}× |")
lines += ["", "Target (issue 7): `syndicate preview` of one post within 5× the hello-world start-up."]
open(report, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
