package io.costlevel.analyzer.report.html;

import io.costlevel.analyzer.classify.Tiers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tiers' cost ranges as the page prints and draws them, taken from {@link Tiers}: the bounds the
 * classifier's rules use are the only ones, so the ladder's bands and the tier guide can never say
 * something the classification does not. For each tier {@code t} the template gets
 * {@code tier<t>FloorNs} and {@code tier<t>CeilingNs} (plain numbers in ns for the chart; the last
 * tier's ceiling is {@code Infinity}) and {@code tier<t>Range}, the same range for a reader.
 */
public final class TierRanges {
    private static final String[][] UNITS = {{"1000000000", "s"}, {"1000000", "ms"}, {"1000", "µs"}};

    private TierRanges() {}

    public static Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int tier = 0; tier < Tiers.count(); tier++) {
            double floor = Tiers.floorNs(tier);
            double ceiling = Tiers.ceilingNs(tier);
            values.put("tier" + tier + "FloorNs", number(floor));
            values.put("tier" + tier + "CeilingNs", Double.isInfinite(ceiling) ? "Infinity" : number(ceiling));
            values.put("tier" + tier + "Range", range(floor, ceiling));
        }
        return values;
    }

    /** "< 2 ns", "20 – 300 ns", "300 ns – 2 µs", "≥ 1 ms". */
    static String range(double floor, double ceiling) {
        if (floor <= 0) {
            return "< " + duration(ceiling);
        }
        if (Double.isInfinite(ceiling)) {
            return "≥ " + duration(floor);
        }
        String low = duration(floor);
        String high = duration(ceiling);
        String lowUnit = low.substring(low.indexOf(' '));
        // one unit written once when both ends share it: "20 – 300 ns"
        return (high.endsWith(lowUnit) ? low.substring(0, low.indexOf(' ')) : low) + " – " + high;
    }

    /** A duration in the largest unit it reaches, without trailing zeros: 300 ns, 2 µs, 1 ms. */
    static String duration(double ns) {
        BigDecimal value = BigDecimal.valueOf(ns);
        for (String[] unit : UNITS) {
            BigDecimal size = new BigDecimal(unit[0]);
            if (value.compareTo(size) >= 0) {
                return number(value.divide(size)) + " " + unit[1];
            }
        }
        return number(value) + " ns";
    }

    private static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
