#!/usr/bin/env bash
# How much of C2's inlining budget the agent's probes take (docs/overhead.md, "What a probe compiles to"): compiles
# MixedRequestApp's requestTwice (sixteen probed calls) on its own with C2 and prints, from -XX:+PrintInlining, the
# NodeCountInliningCutoff lines, the application and JDK calls inlined before the first one, and all inlined (calls
# inside the agent's probes not counted). Deterministic: -Xbatch, no tiers.
# Usage (after mvn -B -o package -pl agent -am -DskipTests, which also builds the test fixture):
#   scripts/inlining-budget.sh [AGENT_JAR|none]     (default: agent/target/costlevel-agent.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-agent/target/costlevel-agent.jar}
agent=()
if [ "$jar" != none ]; then
  agent=("-javaagent:$jar=out=$(mktemp -d),include=io.costlevel.stressapp.,jfr=false,profiler=false")
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 300 java "${agent[@]}" -XX:-TieredCompilation -Xbatch -XX:InlineSmallCode=20000 \
  -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \
  -XX:CompileCommand=dontinline,io.costlevel.stressapp.MixedRequestApp::requestTwice \
  -XX:CompileCommand=inline,io.costlevel.stressapp.MixedRequestApp::request \
  -XX:CompileCommand=option,io.costlevel.stressapp.MixedRequestApp::requestTwice,PrintInlining \
  -cp agent/target/test-classes io.costlevel.stressapp.MixedRequestApp 300000 twice > "$out" 2>&1
python3 - "$out" <<'PY'
import sys
inlined = ('inline (hot)', 'accessor', 'intrinsic', 'force inline')
lines = [l.rstrip('\n') for l in open(sys.argv[1]) if '@' in l and '::' in l]
scopes, cutoffs, before, total, cut = [], 0, 0, 0, False
for l in lines:
    depth = l.index('@')
    while scopes and scopes[-1][0] >= depth:
        scopes.pop()
    in_probe = 'io.costlevel.agent' in l or any('io.costlevel.agent' in name for _, name in scopes)
    scopes.append((depth, l[depth:]))
    if 'NodeCountInliningCutoff' in l:
        cutoffs += 1
        cut = True
    if not in_probe and any(k in l for k in inlined):
        total += 1
        before += 0 if cut else 1
print(f"cutoff lines {cutoffs}; application and JDK calls inlined before the first cutoff {before}, in all {total}")
PY
