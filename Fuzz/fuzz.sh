#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: builds SyndicateFuzz in release mode with AddressSanitizer
# and coverage instrumentation (scratch path .build-fuzz/), runs each target for SECONDS on a
# working copy of its corpus (Fuzz/Corpus/<target>, the example posts in Examples/Posts, and what
# earlier runs found), and writes
# Fuzz/REPORT.md: executions, speed, coverage and findings per target.
#
# Usage: bash Fuzz/fuzz.sh [SECONDS] [TARGET...]      default: 600 seconds, every target
#        JOBS=2 bash Fuzz/fuzz.sh 60 html feed         targets run JOBS at a time (default 2)
#
# A finding (crash, invariant broken, input slower than 5 s, memory over 2 GB) is saved as
# .build-fuzz/findings/<target>-crash-… ; reproduce it with
#   swift run SyndicateFuzz replay <target> <file>
# and add it to Fuzz/Regressions/<target>/, which the test suite replays.
# Linux only: it links clang's libclang_rt.fuzzer_no_main from the Swift toolchain.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-600}"
shift || true
targets=("$@")
jobs="${JOBS:-2}"
scratch="$root/.build-fuzz"

toolchain="$(dirname "$(readlink -f "$(command -v swift)")")/.."
fuzzer_lib="$(find "$toolchain/lib/clang" -name 'libclang_rt.fuzzer_no_main-*.a' | head -1)"
if [ -z "$fuzzer_lib" ]; then
    echo "fuzz.sh: libclang_rt.fuzzer_no_main not found under $toolchain/lib/clang; use 'swift run SyndicateFuzz run <target>' instead" >&2
    exit 2
fi

echo "== building SyndicateFuzz (release, AddressSanitizer, libFuzzer)"
mkdir -p "$scratch"
swift build -c release --package-path "$root" --scratch-path "$scratch" --product SyndicateFuzz \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -DSYNDICATE_LIBFUZZER \
    -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ > "$scratch/build.log" 2>&1 || {
    grep -v "Cannot export local symbol" "$scratch/build.log" | tail -40 >&2
    echo "fuzz.sh: the build failed (a stale binary is never fuzzed)" >&2
    exit 1
}
binary="$scratch/release/SyndicateFuzz"

if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(ls "$here/Corpus")
fi
# Each run reports its own findings; earlier ones move to findings-<time>/.
if [ -d "$scratch/findings" ] && [ -n "$(ls -A "$scratch/findings")" ]; then
    mv "$scratch/findings" "$scratch/findings-$(date +%Y%m%d-%H%M%S)"
fi
mkdir -p "$scratch/logs" "$scratch/findings"

run_target() {
    local target="$1"
    local work="$scratch/corpus/$target"
    mkdir -p "$work"
    local dict=()
    [ -f "$here/Dictionaries/$target.dict" ] && dict=(-dict="$here/Dictionaries/$target.dict")
    echo "== $target: $seconds s"
    SYNDICATE_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0 "$binary" \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$scratch/findings/$target-" "${dict[@]}" \
        "$work" "$here/Corpus/$target" "$root/Examples/Posts" > "$scratch/logs/$target.log" 2>&1 || true
}

running=0
for target in "${targets[@]}"; do
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

python3 - "$scratch" "$here/REPORT.md" "$seconds" "${targets[@]}" <<'PY'
import datetime, glob, os, platform, re, subprocess, sys

scratch, report, seconds, targets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows, total_findings = [], 0
for target in targets:
    log = open(os.path.join(scratch, "logs", f"{target}.log"), errors="replace").read()
    stat = lambda name: (re.findall(rf"stat::{name}:\s+(\d+)", log) or ["?"])[-1]
    status = re.findall(r"#\d+\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)", log)
    cov, ft, corp = status[-1] if status else ("?", "?", "?")
    findings = sorted(os.path.basename(p) for p in glob.glob(os.path.join(scratch, "findings", f"{target}-*")))
    total_findings += len(findings)
    executed = stat("number_of_executed_units")
    rate = stat("average_exec_per_sec")
    ran = round(int(executed) / max(int(rate), 1)) if executed.isdigit() and rate.isdigit() else "?"
    rows.append(f"| `{target}` | {ran} | {executed} | {rate} | {cov} | {ft} | {corp} | "
                + (", ".join(findings) if findings else "none") + " |")
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
with open(report, "w") as out:
    out.write("# Fuzzing report\n\n")
    out.write(f"Written by `Fuzz/fuzz.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: "
              f"libFuzzer, AddressSanitizer, release build; {swift}; {cpu}, {os.cpu_count()} cores, "
              f"targets run {os.environ.get('JOBS', '2')} at a time.\n\n")
    out.write(f"Each target was given {seconds} s; a finding ends its run early.\n\n")
    out.write("| Target | Seconds run | Executions | Exec/s | Coverage (edges) | Features | Corpus | Findings |\n")
    out.write("|---|---:|---:|---:|---:|---:|---:|---|\n")
    out.write("\n".join(rows) + "\n\n")
    out.write(f"Findings in total: {total_findings}. A finding is a crash, a broken invariant (the target aborts), "
              "an input slower than 5 s (`-timeout=5`) or over 2 GB of memory.\n")
print(open(report).read())
PY
