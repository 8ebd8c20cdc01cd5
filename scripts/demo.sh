#!/usr/bin/env bash
# The demo: build, run every seed counter under the agent at 1 thread, threads = cores and
# 4x cores, and analyze each load level into a JSON and an HTML report.
# Usage: scripts/demo.sh [seconds-per-run]   (default 1; every run is bounded by time)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-1}
cores=$(nproc)
out=demo-out
report=report
samples="synchronized reentrant-lock atomic cas yielding-ticket blocking-ticket spinning-ticket cooperative-ticket sharded long-adder thread-local polling-ticket"

# package, not install: an installed copy in ~/.m2 would shadow a later build of one module (-pl) with stale jars
mvn -B -q package -DskipTests
rm -rf "$out" && mkdir -p "$out" "$report"

for threads in 1 "$cores" $((4 * cores)); do
  for sample in $samples; do
    dir="$out/threads-$threads/$sample"
    timeout 120 java "-javaagent:agent/target/costlevel-agent.jar=out=$dir,include=io.costlevel.samples." \
      -jar samples/target/costlevel-samples.jar "$sample" --threads "$threads" --seconds "$seconds"
  done
  java -jar analyzer/target/costlevel.jar analyze "$out/threads-$threads"/* \
    --json "$report/threads-$threads.json" --html "$report/threads-$threads.html"
done

echo
echo "Reports:"
for threads in 1 "$cores" $((4 * cores)); do
  echo "  $PWD/$report/threads-$threads.html  ($threads threads on $cores cores; JSON beside it)"
done
