package dev.pulse.mentions.adapter.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits folded text into words roughly as Lucene's standard tokenizer does: runs of letters and digits (katakana and
 * hangul runs included), each Han ideograph or hiragana on its own, each emoji on its own. It splits at punctuation inside words
 * (so "o'reilly" becomes two words here but one in the index); the contract cases avoid that difference.
 */
final class Words {
    private Words() {}

    static List<String> of(String folded) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isIdeograph(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, words);
                if (isSymbol(cp)) {
                    words.add(new String(Character.toChars(cp)));
                }
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isIdeograph(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Emoji and other pictographs, which the standard tokenizer keeps as tokens. */
    private static boolean isSymbol(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL;
    }
}
