#!/usr/bin/env bash
# The agent's cost on a mixed service request (JMH io.costlevel.benchmarks.mixed, docs/overhead.md): forks
# alternating without the agent and with it, ROUNDS rounds. Each extra argument is one more agent variant: agent
# options ("sampling=1024") or the path of another agent jar ("/tmp/main-agent.jar"). BENCH=jsonRequest measures the
# request inside a JSON endpoint's work instead of alone (MixedService's javadoc). THREADS=1 runs the request on
# one thread instead of the benchmark's two: no cache line then moves between cores, whose cost on this VM depends on
# where the host places its two vCPUs and changes the two-thread figures by up to 3x from fork to fork.
# Prints per variant each fork's mean requests per unit of time (JMH's score), the median of those means, and the mean of the iterations in the
# fast mode (at least 80 % of the fastest fork's mean: forks settle in a fast or a slow mode, see docs/overhead.md).
# JVM_ARGS is given to every fork, with and without the agent (e.g. an inlining flag both sides share). WARMUPS and
# ITERATIONS (1-second each) set JMH's warm-up and measured iterations per fork (default 12 and 5: the agent measures its
# probes' cost once, 10 s after start, which a shorter warm-up puts in the measured window, docs/overhead.md).
# The variant "capture" is the agent with its default capture on (JFR and async-profiler, what a user runs), where the
# others count alone. BENCH=serviceRequest measures the request as a service serves it, over HTTP (MixedService).
# Usage (after mvn -B -o -Pbench package -DskipTests, on a machine with nothing else running):
#   [BENCH=jsonRequest] [THREADS=1] [JVM_ARGS=...] scripts/overhead-mixed.sh [ROUNDS] [VARIANT...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shift || true
out=$(mktemp -d)
CAPTURE=include=io.costlevel.benchmarks.,out=$out
O=$CAPTURE,jfr=false,profiler=false
variants=(none agent "$@")
work=$(mktemp -d)
trap 'rm -rf "$work" "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for i in "${!variants[@]}"; do
    v=${variants[$i]}
    case $v in
      none) agent=;;
      agent) agent="-javaagent:agent/target/costlevel-agent.jar=$O";;
      capture) agent="-javaagent:agent/target/costlevel-agent.jar=$CAPTURE";;
      *.jar) agent="-javaagent:$v=$O";;
      *) agent="-javaagent:agent/target/costlevel-agent.jar=$O,$v";;
    esac
    jvm="${JVM_ARGS:-} $agent"
    args=()
    if [ -n "${jvm// /}" ]; then args=(-jvmArgsAppend "$jvm"); fi
    java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar "mixed.Plain.${BENCH:-request}\$" \
      -f 1 -wi "${WARMUPS:-12}" -w 1 -i "${ITERATIONS:-5}" -r 1 ${THREADS:+-t "$THREADS"} "${args[@]}" \
      -rf json -rff "$work/$round-$i.json" > "$work/$round-$i.log" 2>&1
  done
done
python3 - "$work" "$rounds" "${variants[@]}" <<'PY'
import json, statistics as st, sys
work, rounds, variants = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
metrics = {i: [json.load(open(f"{work}/{r}-{i}.json"))[0]["primaryMetric"] for r in range(1, rounds + 1)]
           for i in range(len(variants))}
raw = {i: [metric["rawData"][0] for metric in forks] for i, forks in metrics.items()}
unit = metrics[0][0]["scoreUnit"]
cut = 0.8 * max(st.mean(fork) for forks in raw.values() for fork in forks)
def vs(value, base):
    return "" if base is None else " (%+.1f %%)" % (100 * (value / base - 1))
base_median = base_fast = None
for i, v in enumerate(variants):
    means = [round(st.mean(fork), 2) for fork in raw[i]]
    fast = [x for fork in raw[i] for x in fork if x >= cut]
    median = st.median(means)
    fast_mean = st.mean(fast) if fast else float("nan")
    print(f"{v}: forks {means}; median {median:.2f}{vs(median, base_median)}; "
          f"fast-mode iterations {len(fast)} of {sum(len(fork) for fork in raw[i])}, mean {fast_mean:.2f}{vs(fast_mean, base_fast)}")
    if i == 0:
        base_median, base_fast = median, (fast_mean if fast else None)
print(f"fast mode: iterations >= {cut:.2f} {unit}")
PY
echo "benchmark: ${BENCH:-request}, threads: ${THREADS:-2}, JVM_ARGS: ${JVM_ARGS:-none}; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
