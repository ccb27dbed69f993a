package dev.pulse.tools.firehose;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Samples ranks 0..n-1 with Zipf-distributed probability (rank 0 the most popular), by a precomputed CDF. */
public final class ZipfSampler {
    private final double[] cdf;

    public ZipfSampler(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one rank");
        }
        cdf = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cdf[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cdf[rank] /= sum;
        }
    }

    public int sample(RandomGenerator random) {
        int found = Arrays.binarySearch(cdf, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cdf.length - 1);
    }
}
