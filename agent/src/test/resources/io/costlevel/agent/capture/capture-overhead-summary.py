"""Summarizes capture-overhead.sh output as a Markdown table for docs/overhead.md.

Each cell: million operations per CPU-second of the whole process, the configuration's start-up and
exit CPU (median of its 1,000-operation runs) subtracted; median of the runs, (min-max) beside it.
The last columns compare each capture configuration with the agent running without capture.
"""
import collections
import re
import statistics
import sys

ORDER = ['off', 'no-capture', 'jfr-only', 'profiler-only', 'default', 'profiler-locks']

startup = collections.defaultdict(list)
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = line.split()
    cpu = re.search(r'cpu=([\d.]+)\+([\d.]+)', line)
    if not cpu:
        continue
    seconds = float(cpu.group(1)) + float(cpu.group(2))
    if fields[1] == 'startup':
        startup[fields[3]].append(seconds)
        continue
    ops = re.search(r' ops=(\d+) ', line)
    if ops:
        runs[(fields[1], fields[2], fields[3])].append((int(ops.group(1)), seconds))

configs = [c for c in ORDER if c in startup]
baseline = 'no-capture' if 'no-capture' in configs else configs[0]
compared = [c for c in configs if c in ('jfr-only', 'profiler-only', 'default', 'profiler-locks') and c != baseline]
fixed = {c: statistics.median(v) for c, v in startup.items()}
print('start-up + exit CPU-seconds (median): ' + ', '.join(f'{c} {fixed[c]:.2f}' for c in configs))
print()
print('| sample (threads) | ' + ' | '.join(configs) + ''.join(f' | {c} vs {baseline}' for c in compared) + ' |')
print('|---|' + '---|' * (len(configs) + len(compared)))
samples = list(dict.fromkeys(key[:2] for key in runs))
for sample, threads in samples:
    median = {}
    cells = []
    for c in configs:
        per_cpu = [ops / (cpu - fixed[c]) / 1e6 for ops, cpu in runs[(sample, threads, c)]]
        median[c] = statistics.median(per_cpu)
        cells.append(f'{median[c]:.1f} ({min(per_cpu):.1f}-{max(per_cpu):.1f})')
    deltas = [f'{100 * (median[c] / median[baseline] - 1):+.1f} %' for c in compared]
    print(f'| {sample} ({threads}) | ' + ' | '.join(cells + deltas) + ' |')
print()
print('runs per cell:', min(len(v) for v in runs.values()), '-', max(len(v) for v in runs.values()))
