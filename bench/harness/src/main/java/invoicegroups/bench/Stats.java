package invoicegroups.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a list of samples. */
record Stats(double median, double min, double max, double p99, int n) {

    static Stats of(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Stats(median(sorted), sorted[0], sorted[sorted.length - 1],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)], sorted.length);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code median (min–max)} in whole units. */
    String range() {
        return String.format("%.0f (%.0f–%.0f)", median, min, max);
    }

    static double[] values(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return range() + " n=" + n + " " + Arrays.toString(new double[] {p99});
    }
}
