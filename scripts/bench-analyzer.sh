#!/usr/bin/env bash
# Analyzer throughput and memory on one large recording (issue 5, item 2), beside the raw
# one.jfr.JfrReader scan it must stay within 1.5x of and the JDK's `jfr summary`.
#
#   scripts/bench-analyzer.sh [--chunks] [RECORDING.jfr]
#
# --chunks: the raw scan reads chunk by chunk (one JfrReader per chunk, as the analyzer does), for files
# that JfrReader 4.2 cannot read in one pass (some concatenations of async-profiler recordings).
#
# Without an argument it makes a recording of at least 200 MB in /tmp: the blocking ticket lock at
# 8 threads with every park recorded (threshold 0 ms), whose chunks are then repeated until the
# file passes 200 MB (a JFR file is a sequence of self-contained chunks, so this is a valid
# recording). The file is never committed. Each tool runs with -Xmx256m; peak RSS from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

ANALYZER=analyzer/target/costlevel.jar
SAMPLES=samples/target/costlevel-samples.jar
[[ -f $ANALYZER && -f $SAMPLES && -d analyzer/target/test-classes ]] || {
  echo "build first: mvn -B install -DskipTests && mvn -B test-compile -pl analyzer" >&2; exit 1; }

RAW_MODE=()
if [[ ${1:-} == --chunks ]]; then RAW_MODE=(--chunks); shift; fi
RECORDING=${1:-}
if [[ -z $RECORDING ]]; then
  RECORDING=/tmp/costlevel-bench-200mb.jfr
  if [[ ! -f $RECORDING ]]; then
    one=/tmp/costlevel-bench-one.jfr
    java -XX:StartFlightRecording:filename=$one,settings=profile,jdk.ThreadPark#threshold=0ms \
      -jar "$SAMPLES" blocking-ticket --threads 8 --seconds 8 >/dev/null
    : > "$RECORDING"
    while (( $(stat -c %s "$RECORDING") < 200 * 1024 * 1024 )); do cat "$one" >> "$RECORDING"; done
    rm -f "$one"
  fi
fi

size_mb=$(( $(stat -c %s "$RECORDING") / 1024 / 1024 ))
events=$(jfr summary "$RECORDING" | awk '/^ [a-z]/ && $2 ~ /^[0-9]+$/ { n += $2 } END { print n }')
echo "recording: $RECORDING, ${size_mb} MB, ${events} events; $(nproc) cores, $(java -version 2>&1 | head -1)"

# Wall time, CPU time (user + system: less disturbed by other processes on a shared machine than
# wall time), events per wall second, and peak resident memory.
measure() {  # label, command...
  local label=$1; shift
  local out rss wall cpu
  out=$( { /usr/bin/time -f 'rss_kb=%M wall=%e cpu=%U+%S' "$@" >/dev/null; } 2>&1 | tail -1)
  rss=${out#rss_kb=}; rss=${rss%% *}
  wall=${out#*wall=}; wall=${wall%% *}
  cpu=$(awk -v c="${out##*cpu=}" 'BEGIN { split(c, p, "+"); printf "%.2f", p[1] + p[2] }')
  printf '%-20s %7.2f s wall %7.2f s cpu %12s events/s %6d MB peak RSS\n' "$label" "$wall" "$cpu" \
    "$(awk -v e="$events" -v w="$wall" 'BEGIN { printf "%.0f", e / w }')" $(( rss / 1024 ))
  last_wall=$wall last_cpu=$cpu
}

CP="$ANALYZER:analyzer/target/test-classes"
for round in 1 2 3; do
  echo "-- round $round"
  measure "jfr summary" jfr summary "$RECORDING"
  measure "raw JfrReader scan" java -Xmx256m -cp "$CP" io.costlevel.analyzer.bench.RawScan "${RAW_MODE[@]}" "$RECORDING"
  raw_wall=$last_wall raw_cpu=$last_cpu
  measure "costlevel analyze" java -Xmx256m -jar "$ANALYZER" analyze "$RECORDING" --json /tmp/costlevel-bench-report.json
  awk -v a="$last_wall" -v r="$raw_wall" -v ac="$last_cpu" -v rc="$raw_cpu" \
    'BEGIN { printf "%-20s %7.2fx wall %6.2fx cpu (target: at most 1.5x)\n", "analyze / raw", a / r, ac / rc }'
done
