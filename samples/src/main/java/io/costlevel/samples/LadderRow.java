package io.costlevel.samples;

/**
 * One row of the {@link Ladder}, in a JVM of its own: {@code LadderRow SAMPLE SECONDS THREADS...}.
 * Prints the row and exits 0 when every cell was ok, 1 otherwise.
 */
final class LadderRow {
    /** Lets the JIT compile the sample's hot loop before the first measured cell. */
    private static final double WARMUP_SECONDS = 0.2;

    private LadderRow() {}

    public static void main(String[] args) throws InterruptedException {
        Sample sample = Sample.byId(args[0]).orElseThrow();
        double secondsPerCell = Double.parseDouble(args[1]);
        CounterRun.run(sample, RunPlan.forSeconds(1, Math.min(WARMUP_SECONDS, secondsPerCell)));
        boolean allOk = true;
        String[] cells = new String[args.length - 2];
        for (int i = 0; i < cells.length; i++) {
            RunResult result = CounterRun.run(sample, RunPlan.forSeconds(Integer.parseInt(args[i + 2]), secondsPerCell));
            cells[i] = RunResult.formatNanos(result.nsPerOp()) + (result.ok() ? "" : " !");
            allOk &= result.ok();
        }
        System.out.println(Ladder.row(sample.id(), cells));
        System.exit(allOk ? SampleRunner.EXIT_OK : SampleRunner.EXIT_FAILED);
    }
}
