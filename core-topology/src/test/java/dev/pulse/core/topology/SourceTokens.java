package dev.pulse.core.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough lexing to find names in source text: a Java file's string literals (not comments, character literals or
 * text blocks, which hold prose and documents), and a shell script's words (not comments or here-documents).
 */
final class SourceTokens {
    /** One string literal's raw text (escapes kept), or one shell word without its quotes, and its 1-based line. */
    record Token(String text, int line) {}

    private static final Pattern HERE_DOCUMENT = Pattern.compile("<<(-?)\\s*['\"]?([A-Za-z_]\\w*)['\"]?");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_]\\w*)\\+?=");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{?([A-Za-z_]\\w*)");

    private SourceTokens() {}

    static List<Token> javaStringLiterals(String source) {
        List<Token> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                close = close < 0 ? source.length() : close + 2;
                line += count(source, i, close);
                i = close;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = textBlockEnd(source, i + 3);
                line += count(source, i, close);
                i = close;
            } else if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < source.length() && source.charAt(close) != c && source.charAt(close) != '\n') {
                    close += source.charAt(close) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(new Token(source.substring(i + 1, Math.min(close, source.length())), line));
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** The index just past the closing quotes of a text block whose content starts at {@code from}. */
    private static int textBlockEnd(String source, int from) {
        int at = from;
        while (at < source.length()) {
            if (source.charAt(at) == '\\') {
                at += 2;
            } else if (source.startsWith("\"\"\"", at)) {
                return at + 3;
            } else {
                at++;
            }
        }
        return source.length();
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int at = from; at < to; at++) {
            lines += source.charAt(at) == '\n' ? 1 : 0;
        }
        return lines;
    }

    static List<Token> shellWords(String script) {
        List<Token> words = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            for (String word : words(line)) {
                addWord(words, word, n + 1);
            }
            Matcher here = HERE_DOCUMENT.matcher(stripComment(line));
            if (here.find()) {
                boolean indented = !here.group(1).isEmpty();
                String delimiter = here.group(2);
                while (n + 1 < lines.length && !(indented ? lines[n + 1].strip() : lines[n + 1]).equals(delimiter)) {
                    n++;
                }
                n++;
            }
        }
        return words;
    }

    /** A word, the variable an assignment sets, and every variable it expands. */
    private static void addWord(List<Token> out, String word, int line) {
        String unquoted = word.replace("\"", "").replace("'", "");
        if (!unquoted.isEmpty()) {
            out.add(new Token(unquoted, line));
        }
        Matcher assignment = ASSIGNMENT.matcher(unquoted);
        if (assignment.find()) {
            out.add(new Token(assignment.group(1), line));
        }
        Matcher expansion = EXPANSION.matcher(word.startsWith("'") ? "" : word);
        while (expansion.find()) {
            out.add(new Token(expansion.group(1), line));
        }
    }

    /** Splits at unquoted blanks, semicolons and ampersands, and stops at an unquoted {@code #} that starts a word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (c == '#' && word.isEmpty()) {
                break;
            } else if (Character.isWhitespace(c) || c == ';' || c == '&') {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String stripComment(String line) {
        return String.join(" ", words(line));
    }
}
