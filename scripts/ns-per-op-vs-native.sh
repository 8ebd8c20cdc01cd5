#!/usr/bin/env bash
# Issue 12, item 2: the report's time per op against the sample's own, for every seed-ladder sample at
# 1 thread, threads = cores and 4 x cores. The sample's own sites are its class's lines and StopFlag's, which
# the ticket locks' waiting loops call on every turn (a third of the polling lock's CPU samples at 8 threads). Each case runs natively (NATIVE_RUNS times, below) and once under the agent, back to back: natively (the sample's
# thread time per op: seconds x threads / ops, as JMH counts it) and under the agent; the report's time per
# op is the sample's own sites' tiered and blocked time (runningNanos + contentionNanos + unmountedNanos +
# pinnedCarrierNanos + idleNanos) over the ops the sample printed. Prints one line per case: both, the
# sample's own thread time per op under the agent (what the report should match: the agent's overhead is
# in it), the ratios report/native and report/own, and how many of the sample's sites have ops and an nsPerOp.
# native_cpu is the native run's CPU time per op (the workers' thread CPU clock): the report's time per op leaves
# out the time a thread waits for a core, so with threads > cores it should lie between native_cpu (an op that
# never blocks) and native_ns (thread time, which includes that wait); `within` says whether it is within 2x of
# that range. own_ns and own_cpu are the same two figures of the run under the agent, which the report measured:
# where a lock's turns go differently in that run (with threads > cores one run of a spinning lock may take 100x the
# ops of the next, with or without the agent), the report follows that run, not the native ones.
#
# Each case runs natively NATIVE_RUNS times (default 3; OVERSUBSCRIBED_RUNS, default 8, with more threads than
# cores): native_ns is their median thread time per op, native_cpu the range of their CPU time per op, and the report
# is "within" when it lies within 2x of the whole range (the lowest CPU time to the highest thread time of the native
# runs). With more threads than cores a spinning lock's turns are a scheduling lottery whose runs spread over two
# orders of magnitude (the polling ticket lock at 8 threads, 1 s, eight native runs: 249 to 56,179 ops), so three
# runs do not show its range.
#
# Usage (after `mvn -B -o verify -DskipTests`, on a machine with nothing else running, under the IT lock
# when other forked JVMs may run):
#   [NATIVE_RUNS=3] [OVERSUBSCRIBED_RUNS=8] scripts/ns-per-op-vs-native.sh [SECONDS] [SAMPLE...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1}
shift || true
samples=("$@")
if [ ${#samples[@]} -eq 0 ]; then
  samples=(synchronized reentrant-lock atomic cas yielding-ticket blocking-ticket spinning-ticket
           cooperative-ticket sharded long-adder thread-local polling-ticket)
fi
cores=$(nproc)
native_runs=${NATIVE_RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" "$2" | head -1; }

printf '%-20s %3s %11s %11s %11s %11s %11s %8s %8s %6s %s\n' sample thr native_ns native_cpu report_ns own_ns own_cpu \
  rep/nat rep/own within "sites with ops (with nsPerOp)"
for sample in "${samples[@]}"; do
  for threads in 1 "$cores" $((4 * cores)); do
    natives=()
    runs=$native_runs
    if [ "$threads" -gt "$cores" ]; then runs=${OVERSUBSCRIBED_RUNS:-8}; fi
    for run in $(seq 1 "$runs"); do
      native="$work/$sample-$threads-native-$run.log"
      timeout 60 java -jar samples/target/costlevel-samples.jar "$sample" --threads "$threads" --seconds "$seconds" > "$native"
      natives+=("$native")
    done
    out="$work/$sample-$threads-agent"
    timeout 60 java -javaagent:agent/target/costlevel-agent.jar=out="$out",include=io.costlevel.samples. \
      -jar samples/target/costlevel-samples.jar "$sample" --threads "$threads" --seconds "$seconds" > "$out.log"
    timeout 120 java -jar analyzer/target/costlevel.jar analyze --json="$out.json" "$out" > /dev/null
    per_op() { awk -v s="$(field seconds "$1")" -v t="$threads" -v o="$(field ops "$1")" 'BEGIN { printf "%.1f", s * t * 1e9 / o }'; }
    # The native runs' range: with threads > cores a lock's turns depend on the scheduler, and one native run of the
    # L5 ticket locks differs from the next by up to 40x (docs/tiers.md), so one run is no reference.
    native_ns_all=$(for n in "${natives[@]}"; do per_op "$n"; echo; done | sort -g)
    native_cpu_all=$(for n in "${natives[@]}"; do field cpuNsPerOp "$n"; done | sort -g)
    native_ns=$(echo "$native_ns_all" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    native_lo=$(printf '%s\n%s\n' "$native_ns_all" "$native_cpu_all" | sort -g | head -1)
    native_hi=$(printf '%s\n%s\n' "$native_ns_all" "$native_cpu_all" | sort -g | tail -1)
    native_cpu="$(echo "$native_cpu_all" | head -1)-$(echo "$native_cpu_all" | tail -1)"
    own_ns=$(per_op "$out.log")
    own_cpu=$(field cpuNsPerOp "$out.log")
    ops=$(field ops "$out.log")
    read -r report_ns sites timed < <(jq -r --argjson ops "$ops" '
      [.sites[] | select(.className | test("^io\\.costlevel\\.samples\\.(S[0-9]|StopFlag$)"))] as $own
      | (([$own[] | .evidence | (.runningNanos // 0) + (.contentionNanos // 0) + (.unmountedNanos // 0)
          + (.pinnedCarrierNanos // 0) + (.idleNanos // 0)] | add // 0) / $ops) as $ns
      | "\($ns * 10 | round / 10) \([$own[] | select(.evidence.ops // 0 > 0)] | length) \([$own[] | select(.evidence.ops // 0 > 0 and .nsPerOp != null)] | length)"' "$out.json")
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
    within=$(awk -v r="$report_ns" -v lo="$native_lo" -v hi="$native_hi" \
      'BEGIN { print (r >= lo / 2 && r <= hi * 2) ? "yes" : "no" }')
    printf '%-20s %3d %11s %11s %11s %11s %11s %8s %8s %6s %s (%s)\n' "$sample" "$threads" "$native_ns" "$native_cpu" \
      "$report_ns" "$own_ns" "$own_cpu" "$(ratio "$report_ns" "$native_ns")" "$(ratio "$report_ns" "$own_ns")" "$within" \
      "$sites" "$timed"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $cores cores, $(java -version 2>&1 | head -1)"
