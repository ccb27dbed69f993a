package dev.pulse.core.topology;

/** An OpenSearch index template for time-based indices, such as the daily posts indices. */
public record IndexTemplateSpec(String name, String pattern, String definition) {
    public IndexTemplateSpec {
        Names.check(name);
    }
}
