package dev.candor.recommend;

import java.util.Arrays;

/**
 * An immutable sparse users × items matrix in compressed sparse row form, the common input of
 * every trainable model and of the evaluation harness. Rows are users, columns items, both dense
 * int indexes; within a row, columns are strictly increasing (duplicates are summed on build).
 *
 * <p>Thread-safe (immutable). The arrays returned by accessors are the internal ones: read, never write.
 */
public final class InteractionMatrix {
    private final int numUsers;
    private final int numItems;
    private final int[] rowPtr;
    private final int[] cols;
    private final float[] vals;

    private InteractionMatrix(int numUsers, int numItems, int[] rowPtr, int[] cols, float[] vals) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rowPtr = rowPtr;
        this.cols = cols;
        this.vals = vals;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    /** {@return the number of stored entries} */
    public int nnz() {
        return cols.length;
    }

    public int rowStart(int user) {
        return rowPtr[user];
    }

    public int rowEnd(int user) {
        return rowPtr[user + 1];
    }

    public int rowLength(int user) {
        return rowPtr[user + 1] - rowPtr[user];
    }

    /** {@return the column index array shared by all rows (read only)} */
    public int[] colIndex() {
        return cols;
    }

    /** {@return the value array shared by all rows (read only)} */
    public float[] values() {
        return vals;
    }

    /** {@return a copy of the user's item indexes, increasing} */
    public int[] items(int user) {
        return Arrays.copyOfRange(cols, rowPtr[user], rowPtr[user + 1]);
    }

    /** {@return a copy of the user's values, aligned with {@link #items(int)}} */
    public float[] rowValues(int user) {
        return Arrays.copyOfRange(vals, rowPtr[user], rowPtr[user + 1]);
    }

    /** {@return the items × users transpose} */
    public InteractionMatrix transpose() {
        int[] counts = new int[numItems + 1];
        for (int c : cols) {
            counts[c + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            counts[i + 1] += counts[i];
        }
        int[] tPtr = counts.clone();
        int[] next = Arrays.copyOf(counts, numItems);
        int[] tCols = new int[cols.length];
        float[] tVals = new float[cols.length];
        for (int u = 0; u < numUsers; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int pos = next[cols[k]]++;
                tCols[pos] = u;
                tVals[pos] = vals[k];
            }
        }
        return new InteractionMatrix(numItems, numUsers, tPtr, tCols, tVals);
    }

    /** {@return a matrix with every stored value replaced by 1} */
    public InteractionMatrix binarized() {
        float[] ones = new float[vals.length];
        Arrays.fill(ones, 1f);
        return new InteractionMatrix(numUsers, numItems, rowPtr, cols, ones);
    }

    public static Builder builder(int numUsers, int numItems) {
        return new Builder(numUsers, numItems);
    }

    /** Collects (user, item, value) triples in any order; not thread-safe. */
    public static final class Builder {
        private final int numUsers;
        private final int numItems;
        private int[] us = new int[1024];
        private int[] is = new int[1024];
        private float[] vs = new float[1024];
        private int n;

        private Builder(int numUsers, int numItems) {
            if (numUsers < 0 || numItems < 0) {
                throw new IllegalArgumentException("matrix dimensions must be >= 0. Provided: " + numUsers + " x " + numItems);
            }
            this.numUsers = numUsers;
            this.numItems = numItems;
        }

        public Builder add(int user, int item, float value) {
            if (user < 0 || user >= numUsers || item < 0 || item >= numItems) {
                throw new IllegalArgumentException("entry (" + user + ", " + item + ") outside " + numUsers + " x " + numItems);
            }
            if (n == us.length) {
                us = Arrays.copyOf(us, n * 2);
                is = Arrays.copyOf(is, n * 2);
                vs = Arrays.copyOf(vs, n * 2);
            }
            us[n] = user;
            is[n] = item;
            vs[n] = value;
            n++;
            return this;
        }

        /** {@return the matrix; duplicate (user, item) entries are summed} */
        public InteractionMatrix build() {
            // two stable counting sorts (by item, then by user) give (user, item) order in O(n)
            int[] byItem = countingOrder(is, numItems, null);
            int[] order = countingOrder(us, numUsers, byItem);
            int[] ptr = new int[numUsers + 1];
            int[] c = new int[n];
            float[] v = new float[n];
            int w = 0;
            int prevUser = -1;
            int prevItem = -1;
            for (int k = 0; k < n; k++) {
                int e = order[k];
                int u = us[e];
                int i = is[e];
                if (u == prevUser && i == prevItem) {
                    v[w - 1] += vs[e];
                    continue;
                }
                c[w] = i;
                v[w] = vs[e];
                ptr[u + 1]++;
                w++;
                prevUser = u;
                prevItem = i;
            }
            for (int u = 0; u < numUsers; u++) {
                ptr[u + 1] += ptr[u];
            }
            return new InteractionMatrix(numUsers, numItems, ptr, Arrays.copyOf(c, w), Arrays.copyOf(v, w));
        }

        /** Stable counting sort of entry positions by {@code key}, visiting entries in {@code input} order. */
        private int[] countingOrder(int[] key, int range, int[] input) {
            int[] start = new int[range + 1];
            for (int k = 0; k < n; k++) {
                start[key[k] + 1]++;
            }
            for (int r = 0; r < range; r++) {
                start[r + 1] += start[r];
            }
            int[] out = new int[n];
            for (int k = 0; k < n; k++) {
                int e = input == null ? k : input[k];
                out[start[key[e]]++] = e;
            }
            return out;
        }
    }
}
