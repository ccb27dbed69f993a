package dev.pulse.bench.mentions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Realistic autocomplete traffic: a user picks a page (popular pages far more often) and sends one query per
 * keystroke ({@code n}, {@code ne}, {@code new}, {@code new }, {@code new y} ...), stopping after a few characters;
 * some start at a later word, some type an accented name without its accents, most type in lower case.
 */
public final class KeystrokeSessions {
    private KeystrokeSessions() {}

    public static List<String> generate(BenchCorpus corpus, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> queries = new ArrayList<>(count + 20);
        while (queries.size() < count) {
            // The targets first, then their names from one pass over the corpus (which is streamed, not held). Each
            // session types at least one character, so count targets always suffice; the loop is only a guard.
            int[] targets = new int[count];
            for (int k = 0; k < count; k++) {
                // u^4 skews towards the head of the popularity order, like real mention targets.
                int rank = (int) (Math.pow(random.nextDouble(), 4) * corpus.size());
                targets[k] = corpus.byPopularity[rank];
            }
            Map<Integer, String> names =
                    corpus.names(Arrays.stream(targets).boxed().collect(Collectors.toSet()));
            for (int k = 0; k < count && queries.size() < count; k++) {
                type(names.get(targets[k]).strip(), random, queries, count);
            }
        }
        return queries;
    }

    private static void type(String target, SplittableRandom random, List<String> queries, int count) {
        String name = target;
        String[] words = name.split("\\s+");
        if (words.length > 1 && random.nextInt(100) < 25) {
            int from = 1 + random.nextInt(words.length - 1);
            name = String.join(" ", Arrays.copyOfRange(words, from, words.length));
        }
        if (random.nextInt(100) < 30) {
            name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (random.nextInt(100) < 80) {
            name = name.toLowerCase(Locale.ROOT);
        }
        int[] codePoints = name.codePoints().toArray();
        int typed = Math.min(codePoints.length, 2 + random.nextInt(11));
        for (int len = 1; len <= typed && queries.size() < count; len++) {
            String q = new String(codePoints, 0, len);
            if (!q.isBlank()) {
                queries.add(q);
            }
        }
    }
}
