package dev.pulse.mentions.adapter.memory;

/**
 * Whether a typed word is within one edit (insert, delete, substitute, or swap of neighbours) of a prefix of a word,
 * keeping the first character fixed, as the index's fuzzy query does with {@code prefix_length: 1}.
 */
final class FuzzyPrefix {
    private FuzzyPrefix() {}

    static boolean matches(String typed, String word) {
        if (word.startsWith(typed)) {
            return true;
        }
        if (typed.isEmpty() || word.isEmpty() || typed.codePointAt(0) != word.codePointAt(0)) {
            return false;
        }
        int[] t = typed.codePoints().toArray();
        int[] w = word.codePoints().toArray();
        for (int len = t.length - 1; len <= t.length + 1; len++) {
            if (len >= 1 && len <= w.length && withinOneEdit(t, java.util.Arrays.copyOf(w, len))) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinOneEdit(int[] a, int[] b) {
        int n = a.length;
        int m = b.length;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m] <= 1;
    }
}
