#!/bin/bash
# Cost of the capture (JFR + async-profiler) on the samples, for docs/overhead.md "Capture overhead".
#
# Measured as operations per CPU-second of the whole process (user + system): on a shared machine
# wall-clock ops/s mostly tell how much CPU the scheduler handed out, while CPU time charges the
# capture for every cycle it takes, on any thread. The one-time cost of starting and stopping each
# configuration is measured apart (runs of 1,000 operations) and subtracted by the summary.
#
# Configurations, interleaved so that load from other processes spreads over all of them:
#   off         no agent
#   no-capture  the agent, instrumenting nothing (include=no.such.package.), jfr=false,profiler=false
#   jfr-only    the same with JFR on (profiler=false)
#   profiler-only  the same with async-profiler on (jfr=false)
#   default     the same with the default capture (JFR + async-profiler)
#   profiler-locks  the default capture with async-profiler's lock profiling on (profiler.lock=20us),
#               which replaces JFR's park and monitor-enter events (the default until 2026-12)
#
# Usage: [JAVA=java] [RUNS=4] [SECONDS_PER_RUN=8] [RUN_SAMPLES="atomic:2 ..."] [CONFIGS="off ..."] \
#        capture-overhead.sh AGENT_JAR SAMPLES_JAR > results.txt
#        python3 capture-overhead-summary.py results.txt
AGENT=$1
SAMPLES=$2
JAVA=${JAVA:-java}
RUNS=${RUNS:-4}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
RUN_SAMPLES=${RUN_SAMPLES:-atomic:2 thread-local:2 blocking-ticket:4}   # sample:threads
CONFIGS=${CONFIGS:-off no-capture jfr-only default}
OUT=$(mktemp -d)
TIMEFORMAT='cpu=%U+%S'

agent_args() {
  local base="-javaagent:$AGENT=out=$OUT/$1,include=no.such.package."
  case $1 in
    off) ;;
    no-capture) echo "$base,jfr=false,profiler=false" ;;
    jfr-only) echo "$base,profiler=false" ;;
    profiler-only) echo "$base,jfr=false" ;;
    default) echo "$base" ;;
    profiler-locks) echo "$base,profiler.lock=20us" ;;
  esac
}

# prints "cpu=USER+SYS" after the sample's own result line (if any)
timed_run() {
  local cfg=$1; shift
  rm -rf "${OUT:?}/$cfg"
  { time "$JAVA" $(agent_args "$cfg") -jar "$SAMPLES" "$@" 2>/dev/null | grep '^sample=' ; } 2>&1
}

for run in 1 2 3; do
  for cfg in $CONFIGS; do
    echo "$run startup 1 $cfg" $(timed_run "$cfg" atomic --threads 1 --ops 1000 | grep '^cpu=')
  done
done
for run in $(seq 1 "$RUNS"); do
  for spec in $RUN_SAMPLES; do
    for cfg in $CONFIGS; do
      echo "$run ${spec%%:*} ${spec##*:} $cfg" $(timed_run "$cfg" "${spec%%:*}" --threads "${spec##*:}" --seconds "$SECONDS_PER_RUN")
    done
  done
done
rm -rf "$OUT"
