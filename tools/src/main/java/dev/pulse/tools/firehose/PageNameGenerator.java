package dev.pulse.tools.firehose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Realistic page names from multilingual parts: accented Latin, CJK, Cyrillic, Arabic, emoji, and near-duplicates of
 * earlier names (accents stripped, case changed, "Official" added...). Deterministic for a seed and free of I/O, so
 * the mentions benchmark can build the same corpus.
 */
public final class PageNameGenerator {
    private static final String[] PLACES = {
        "Café", "Crème", "Zürich", "São Paulo", "Łódź", "Málaga", "Kraków", "Montréal", "Köln", "Bogotá", "Reykjavík",
        "Ñuñoa", "Paris", "London", "Berlin", "Lagos", "Austin", "Oslo", "Dublin", "Lisboa", "Genève", "Île-de-France",
        "Nice", "Nîmes", "Niamey"
    };
    private static final String[] TOPICS = {
        "News",
        "Kitchen",
        "Fitness",
        "Studio",
        "Club",
        "Radio",
        "Music",
        "Fans",
        "Bakery",
        "Garage",
        "Gaming",
        "Travel",
        "Fashion",
        "Records",
        "Boutique",
        "Brasserie",
        "Pâtisserie",
        "Fútbol",
        "Science",
        "Comedy",
        "Yoga",
        "Nightlife"
    };
    private static final String[] ADJECTIVES = {
        "Daily", "Golden", "Little", "Urban", "Wild", "Happy", "Crazy", "Royal", "Green", "Blue", "Señor", "Élan"
    };
    private static final String[] PEOPLE = {
        "Amélie",
        "Björk",
        "José",
        "Zoë",
        "Chloé",
        "François",
        "Søren",
        "Nuño",
        "Anaïs",
        "Renée",
        "Jürgen",
        "Maria",
        "Nicolás",
        "Niamh"
    };
    private static final String[] CJK = {
        "東京", "北京", "上海", "大阪", "音楽", "新闻", "料理", "体育", "电影", "ラーメン", "アニメ", "서울", "뉴스", "음악", "맛집"
    };
    private static final String[] CYRILLIC = {
        "Москва", "Новости", "Спорт", "Кухня", "Музыка", "Киев", "Клуб", "Радио", "Театр", "Погода", "Дом"
    };
    private static final String[] ARABIC = {
        "أخبار", "القاهرة", "رياضة", "موسيقى", "دبي", "مطبخ", "نادي", "سينما", "الرياض"
    };
    private static final String[] EMOJI = {"🎵", "⚽", "🍕", "✨", "🔥", "🌍", "👩‍🍳", "🇫🇷", "❤️", "📷", "🎮"};
    private static final String[] CATEGORIES = {
        "Media/News Company",
        "Restaurant",
        "Musician/Band",
        "Sports Team",
        "Public Figure",
        "Local Business",
        "Brand",
        "Community",
        "Radio Station",
        "Video Creator"
    };

    private final RandomGenerator random;
    private final List<String> issued = new ArrayList<>();

    public PageNameGenerator(long seed) {
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** The next page name; about one in five is a near-duplicate of an earlier one. */
    public String next() {
        String name;
        if (issued.size() > 10 && random.nextInt(100) < 20) {
            name = nearDuplicateOf(issued.get(random.nextInt(issued.size())));
        } else {
            name = fresh();
        }
        if (issued.size() < 100_000) {
            issued.add(name);
        }
        return name;
    }

    /** A handle such as {@code cafe_noir_12}, ASCII only, as page usernames are. */
    public String username(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return (ascii.isEmpty() ? "page" : ascii) + "_" + random.nextInt(1000);
    }

    public String category() {
        return pick(CATEGORIES);
    }

    /** A word in the name's script, for post messages. */
    public String word() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(CJK);
            case 1 -> pick(CYRILLIC);
            case 2 -> pick(ARABIC);
            case 3 -> pick(EMOJI);
            default -> pick(TOPICS).toLowerCase(Locale.ROOT);
        };
    }

    String nearDuplicateOf(String name) {
        return switch (random.nextInt(7)) {
            case 0 -> Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            case 1 -> name.toUpperCase(Locale.ROOT);
            case 2 -> name + " Official";
            case 3 -> name + " " + pick(EMOJI);
            case 4 -> name.replace(" ", "  ");
            case 5 -> name + " " + (2 + random.nextInt(8));
            default -> "The " + name;
        };
    }

    private String fresh() {
        int kind = random.nextInt(100);
        if (kind < 50) {
            return switch (random.nextInt(4)) {
                case 0 -> pick(PLACES) + " " + pick(TOPICS);
                case 1 -> pick(ADJECTIVES) + " " + pick(TOPICS);
                case 2 -> pick(PEOPLE) + "'s " + pick(TOPICS);
                default -> "The " + pick(ADJECTIVES) + " " + pick(PLACES);
            };
        } else if (kind < 62) {
            return pick(CJK) + pick(CJK);
        } else if (kind < 72) {
            return pick(CYRILLIC) + " " + pick(CYRILLIC);
        } else if (kind < 80) {
            return pick(ARABIC) + " " + pick(ARABIC);
        } else if (kind < 92) {
            return pick(PLACES) + " " + pick(TOPICS) + " " + pick(EMOJI);
        }
        return pick(CJK) + " " + pick(TOPICS) + " " + pick(PLACES);
    }

    private String pick(String[] parts) {
        return parts[random.nextInt(parts.length)];
    }
}
