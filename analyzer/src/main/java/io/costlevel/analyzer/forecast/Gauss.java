package io.costlevel.analyzer.forecast;

/** Gaussian elimination with partial pivoting for the fitter's normal equations (at most 3 x 3). */
final class Gauss {
    private static final double SINGULAR = 1e-300;

    private Gauss() {}

    /** The solution of {@code m x = v}, or null when m is singular; m and v are overwritten. */
    static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < SINGULAR) {
                return null;
            }
            double[] swapRow = m[col];
            m[col] = m[pivot];
            m[pivot] = swapRow;
            double swap = v[col];
            v[col] = v[pivot];
            v[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double f = m[row][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[row][k] -= f * m[col][k];
                }
                v[row] -= f * v[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = v[row];
            for (int k = row + 1; k < n; k++) {
                s -= m[row][k] * x[k];
            }
            x[row] = s / m[row][row];
        }
        return x;
    }
}
