package dev.candor.recommend.source;

import dev.candor.profile.ContextCode;
import java.util.Arrays;

/**
 * Item popularity per coarse context: for each device class and each daypart, how many distinct
 * people had a positive interaction with each item in that context. A context value is kept only
 * when at least {@code minSubjects} distinct people contributed to it (k-anonymity), so no answer
 * rests on a handful of people. Immutable.
 */
public final class ContextModel {
    public static final ContextModel EMPTY = new ContextModel(new int[ContextCode.DEVICES.size()][], new int[ContextCode.DAYPARTS.size()][]);

    private final int[][] byDevice;
    private final int[][] byDaypart;

    /** @param byDevice per device class, counts per item, or null when below k; likewise {@code byDaypart} */
    public ContextModel(int[][] byDevice, int[][] byDaypart) {
        this.byDevice = byDevice.clone();
        this.byDaypart = byDaypart.clone();
    }

    /** {@return counts per item among people on device class {@code d}, or null when fewer than k people} */
    public int[] device(int d) {
        return byDevice[d];
    }

    /** {@return counts per item among people in daypart {@code p}, or null when fewer than k people} */
    public int[] daypart(int p) {
        return byDaypart[p];
    }

    /**
     * Accumulates one training pass: call {@link #add} once per (person, context value, item) and
     * {@link #build} at the end.
     */
    public static final class Builder {
        private final int numItems;
        private final int minSubjects;
        private final int[][] deviceCounts;
        private final int[][] daypartCounts;
        private final int[] deviceSubjects = new int[ContextCode.DEVICES.size()];
        private final int[] daypartSubjects = new int[ContextCode.DAYPARTS.size()];

        public Builder(int numItems, int minSubjects) {
            this.numItems = numItems;
            this.minSubjects = minSubjects;
            this.deviceCounts = new int[ContextCode.DEVICES.size()][numItems];
            this.daypartCounts = new int[ContextCode.DAYPARTS.size()][numItems];
        }

        /**
         * Adds one person's distinct positive items per context value.
         *
         * @param devices  per device class, the person's distinct items there (null or empty when none)
         * @param dayparts per daypart, likewise
         */
        public void addSubject(int[][] devices, int[][] dayparts) {
            add(devices, deviceCounts, deviceSubjects);
            add(dayparts, daypartCounts, daypartSubjects);
        }

        private void add(int[][] perValue, int[][] counts, int[] subjects) {
            for (int v = 0; v < perValue.length; v++) {
                if (perValue[v] == null || perValue[v].length == 0) {
                    continue;
                }
                subjects[v]++;
                for (int item : perValue[v]) {
                    if (item < numItems) {
                        counts[v][item]++;
                    }
                }
            }
        }

        public ContextModel build() {
            int[][] d = new int[deviceCounts.length][];
            for (int v = 0; v < d.length; v++) {
                d[v] = deviceSubjects[v] >= minSubjects ? Arrays.copyOf(deviceCounts[v], numItems) : null;
            }
            int[][] p = new int[daypartCounts.length][];
            for (int v = 0; v < p.length; v++) {
                p[v] = daypartSubjects[v] >= minSubjects ? Arrays.copyOf(daypartCounts[v], numItems) : null;
            }
            return new ContextModel(d, p);
        }
    }
}
