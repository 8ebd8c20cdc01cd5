#!/usr/bin/env bash
# The agent's cost on a mixed service request (JMH io.costlevel.benchmarks.mixed, docs/overhead.md): forks
# alternating without the agent and with it (each extra argument is one more agent variant, e.g. "timing=4"),
# ROUNDS rounds; prints each fork's mean requests/us, then the mean of the fast-mode iterations (>= 10 requests/us:
# each fork settles in a fast or a slow mode, with or without the agent, see docs/overhead.md).
# Usage (after mvn -B -o -Pbench package -DskipTests, on a machine with nothing else running):
#   scripts/overhead-mixed.sh [ROUNDS] [VARIANT...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shift || true
O=include=io.costlevel.benchmarks.,jfr=false,profiler=false,out=$(mktemp -d)
variants=(none agent "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    case $v in
      none) args=();;
      agent) args=(-jvmArgsAppend "-javaagent:agent/target/costlevel-agent.jar=$O");;
      *) args=(-jvmArgsAppend "-javaagent:agent/target/costlevel-agent.jar=$O,$v");;
    esac
    java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar 'mixed.Plain.request$' \
      -f 1 -wi 4 -w 1 -i 5 -r 1 "${args[@]}" -rf json -rff "$work/$round-$v.json" > "$work/$round-$v.log" 2>&1
  done
done
python3 - "$work" "$rounds" "${variants[@]}" <<'PY'
import json, statistics as st, sys
work, rounds, variants = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
base = None
for v in variants:
    forks, fast = [], []
    for r in range(1, rounds + 1):
        raw = json.load(open(f"{work}/{r}-{v}.json"))[0]["primaryMetric"]["rawData"][0]
        forks.append(round(st.mean(raw), 2))
        fast += [x for x in raw if x >= 10]
    mean = st.mean(fast) if fast else float("nan")
    base = mean if v == "none" else base
    vs = "" if v == "none" or not base else " (%+.1f %%)" % (100 * (mean / base - 1))
    print(f"{v}: forks {forks}; fast-mode iterations {len(fast)}, mean {mean:.2f}{vs}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
