#!/usr/bin/env python3
"""Where a JMH benchmark's time per operation moved between two runs, frame by frame (docs/overhead.md).

Each run is an async-profiler collapsed-stacks file from JMH's async profiler, e.g. for the mixed request on one thread
without and with the agent (after mvn -B -o -Pbench package -DskipTests; LIB is libasyncProfiler.so, which the agent
jar carries inside io/costlevel/agent/capture/async-profiler.jar):

  java -jar benchmarks/target/benchmarks.jar 'mixed.Plain.request$' -f 1 -wi 5 -w 1 -i 8 -r 1 -t 1 \\
    [-jvmArgsAppend -javaagent:agent/target/costlevel-agent.jar=include=io.costlevel.benchmarks.,jfr=false,profiler=false] \\
    -prof "async:libPath=$LIB;output=collapsed;event=ctimer;interval=100000;dir=DIR"

Usage: profile-diff.py BASE.csv BASE_SCORE NEW.csv NEW_SCORE [--key request_thrpt] [--inclusive] [--rows 35]
SCORE is the run's throughput in operations per microsecond (JMH's score): the samples of the benchmark's threads (stacks
holding KEY) are spread over the time per operation, 1000 / SCORE ns, so each frame's row is ns per operation.
"""
import argparse
import collections
import re

# A lambda's hidden class is named anew in every JVM (App$$Lambda$86.0x00007fa2...): one name for all of them.
HIDDEN = re.compile(r'\$\$Lambda[$/][0-9]*\.?(0x[0-9a-f]+)?')


def per_operation(path, score, key, inclusive):
    counts = collections.Counter()
    total = 0
    for line in open(path):
        stack, n = line.rstrip().rsplit(' ', 1)
        if key not in stack:
            continue
        n = int(n)
        total += n
        frames = [HIDDEN.sub('$$Lambda', frame) for frame in stack.split(';')]
        for frame in (set(frames) if inclusive else frames[-1:]):
            counts[frame] += n
    scale = 1000.0 / score / total
    return {frame: n * scale for frame, n in counts.items()}, total * scale


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('base')
    parser.add_argument('base_score', type=float)
    parser.add_argument('new')
    parser.add_argument('new_score', type=float)
    parser.add_argument('--key', default='_thrpt', help='a frame of the benchmark threads (default: any JMH throughput stub)')
    parser.add_argument('--inclusive', action='store_true', help='a frame with its callees, not its own samples only')
    parser.add_argument('--rows', type=int, default=35)
    a = parser.parse_args()
    base, base_total = per_operation(a.base, a.base_score, a.key, a.inclusive)
    new, new_total = per_operation(a.new, a.new_score, a.key, a.inclusive)
    print(f"ns per operation: {base_total:.1f} -> {new_total:.1f}")
    frames = sorted(set(base) | set(new), key=lambda f: -(new.get(f, 0) - base.get(f, 0)))
    for frame in frames[:a.rows] + ['...'] + frames[-10:]:
        if frame == '...':
            print('...')
            continue
        b, n = base.get(frame, 0), new.get(frame, 0)
        print(f"{b:8.1f} {n:8.1f} {n - b:+8.1f}  {frame[:140]}")


if __name__ == '__main__':
    main()
