package dev.pulse.core.text;

import java.text.Normalizer;
import java.util.Map;

/**
 * Case and accent folding that agrees with the index analyzers ({@code lowercase} then {@code asciifolding}), so a
 * string folded here equals the term OpenSearch derives from the same text. Only Latin letters lose their marks:
 * Cyrillic, Arabic, CJK and emoji pass through unchanged, exactly as {@code asciifolding} leaves them.
 */
public final class TextFolding {
    /** Latin letters that have no canonical decomposition but that asciifolding still maps to ASCII. */
    private static final Map<Integer, String> SPECIAL = Map.ofEntries(
            Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'ø', "o"),
            Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"),
            Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) 'ĳ', "ij"),
            Map.entry((int) 'ł', "l"),
            Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ŧ', "t"),
            Map.entry((int) 'ſ', "s"),
            Map.entry((int) 'ƀ', "b"),
            Map.entry((int) 'ƶ', "z"),
            Map.entry((int) 'ɨ', "i"),
            Map.entry((int) 'ﬀ', "ff"),
            Map.entry((int) 'ﬁ', "fi"),
            Map.entry((int) 'ﬂ', "fl"));

    private TextFolding() {}

    /** Lower-cases per code point (as Lucene does, not locale-aware), folds Latin accents, collapses whitespace. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            appendFolded(out, Character.toLowerCase(cp));
        }
        return out.toString();
    }

    /** True when the text holds a control character (C0, DEL, C1), which no page name or query may contain. */
    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    private static void appendFolded(StringBuilder out, int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) { // full-width ASCII, which asciifolding maps to ASCII
            out.appendCodePoint(Character.toLowerCase(cp - 0xFEE0));
            return;
        }
        if (!isLatin(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        String special = SPECIAL.get(cp);
        if (special != null) {
            out.append(special);
            return;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        out.appendCodePoint(base < 0x80 ? base : cp);
    }

    private static boolean isLatin(int cp) {
        return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFB00 && cp <= 0xFB06);
    }
}
