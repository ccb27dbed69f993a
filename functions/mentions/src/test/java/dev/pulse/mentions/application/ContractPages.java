package dev.pulse.mentions.application;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Instant;
import java.util.List;

/** The pages every {@link PageDirectoryContract} run loads: several scripts, accents, ties broken by fans. */
public final class ContractPages {
    public static final List<PageSummary> ALL = List.of(
            page("nyt", "New York Times", 5_000_000),
            page("yorker", "The New Yorker", 1_000_000),
            page("newark", "Newark Airport", 50_000),
            page("minster", "York Minster", 80_000),
            page("tacuba", "Café Tacuba", 300_000),
            page("cafeteria", "Cafeteria Lisboa", 1_000),
            page("starbucks", "Starbucks Coffee", 20_000_000),
            page("moscow", "Москва Новости", 700_000),
            page("tokyo", "東京タワー", 400_000),
            page("marhaba", "مرحبا بكم", 100_000),
            page("pizza", "Pizza 🍕 Palace", 9_000),
            page("cpp", "C++ Programmers", 60_000),
            page("nike", "Nike", 30_000_000),
            page("nintendo", "Nintendo", 25_000_000),
            page("klopp", "Jürgen Klopp", 3_000_000),
            page("yoga", "Yoga With Adriene", 12_000_000),
            page("seoul", "Seoul 서울 Food", 5_000),
            page("star", "Star Wars", 15_000_000));

    private ContractPages() {}

    private static PageSummary page(String id, String name, long fans) {
        return new PageSummary(id, name, "@" + id, "Media", fans, fans > 1_000_000);
    }

    /** The same pages as ingest writes them. */
    public static List<PageDocument> documents() {
        Instant when = Instant.parse("2026-11-01T00:00:00Z");
        return ALL.stream()
                .map(p -> new PageDocument(
                        p.pageId(), p.name(), p.username(), p.category(), p.fans(), p.verified(), when))
                .toList();
    }
}
