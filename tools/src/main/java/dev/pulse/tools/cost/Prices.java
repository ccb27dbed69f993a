package dev.pulse.tools.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cost model's prices, read from one file ({@code cost/prices.properties}): price, unit, region, date, source. */
public final class Prices {
    public static final String RESOURCE = "cost/prices.properties";

    /** One price as its file states it. */
    public record Price(String key, double value, String unit, String region, String asOf, String source) {}

    private final Map<String, Price> prices;

    public Prices(Map<String, Price> prices) {
        // in the file's order, so the tables list node types as the file does
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** The file on the class path. */
    public static Prices load() {
        try (InputStream in = Prices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code key = price | unit | region | as of | source} lines; {@code #} starts a comment. */
    public static Prices parse(String text) {
        Map<String, Price> prices = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String[] fields = line.substring(eq + 1).split("\\|");
                if (eq < 1 || fields.length != 5) {
                    throw new IllegalArgumentException("not 'key = price | unit | region | as of | source': " + line);
                }
                String key = line.substring(0, eq).strip();
                prices.put(
                        key,
                        new Price(
                                key,
                                Double.parseDouble(fields[0].strip()),
                                fields[1].strip(),
                                fields[2].strip(),
                                fields[3].strip(),
                                fields[4].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Prices(prices);
    }

    /** A price by key; a missing one names itself rather than pricing at zero. */
    public double of(String key) {
        Price price = prices.get(key);
        if (price == null) {
            throw new IllegalArgumentException("no price '" + key + "' in " + RESOURCE);
        }
        return price.value();
    }

    public Map<String, Price> all() {
        return prices;
    }
}
