package dev.pulse.cdk;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.config.Environments;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Synthesizes each test app once per JVM (a synth costs seconds) and hands out its templates by stack part, e.g.
 * {@code Synth.dev().template("Functions")}. Code is a placeholder asset, so no jar is needed.
 */
public final class Synth {
    private static final Map<String, Synth> APPS = new LinkedHashMap<>();

    private final EnvironmentConfig config;
    private final Topology topology;
    private final PulsePlatform platform;
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
    private final Template functions;

    private Synth(EnvironmentConfig config, Topology topology) {
        this(config, topology, new PlaceholderCode(), platform -> {});
    }

    private Synth(EnvironmentConfig config, Topology topology, CodeProvider code, Consumer<PulsePlatform> plant) {
        this.config = config;
        this.topology = topology;
        App app = new App();
        platform = PulsePlatform.build(
                app,
                topology,
                config,
                code,
                new PulsePlatform.Options(
                        Environment.builder()
                                .account("123456789012")
                                .region("us-east-1")
                                .build(),
                        Optional.of("oncall@pulse.example"),
                        PulsePlatform.Options.defaultZones("us-east-1", config.maxAzs())));
        plant.accept(platform);
        CloudAssembly assembly = app.synth();
        for (Stack stack : platform.stacks()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>)
                    assembly.getStackByName(stack.getStackName()).getTemplate();
            templates.put(stack.getStackName(), Template.fromJSON(json));
            raw.put(stack.getStackName(), json);
        }
        Map<String, Map<String, Object>> functionStacks = new LinkedHashMap<>();
        platform.functions().stacks().forEach(s -> functionStacks.put(s.getStackName(), raw.get(s.getStackName())));
        functions = Template.fromJSON(merged(functionStacks));
    }

    /**
     * The function stacks' templates as one, so a test can assert across every function: their logical IDs are unique
     * across stacks (each is under its function's construct), and a clash fails here rather than hiding a resource.
     */
    static Map<String, Object> merged(Map<String, Map<String, Object>> templates) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> template : templates.entrySet()) {
            for (Map.Entry<String, Object> section : template.getValue().entrySet()) {
                if (!(section.getValue() instanceof Map<?, ?> entries)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> into =
                        (Map<String, Object>) merged.computeIfAbsent(section.getKey(), k -> new LinkedHashMap<>());
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    Object earlier = into.put(entry.getKey().toString(), entry.getValue());
                    if (earlier != null && !earlier.equals(entry.getValue())) {
                        throw new IllegalStateException(section.getKey() + " " + entry.getKey()
                                + " differs between two function stacks, one of them " + template.getKey());
                    }
                }
            }
        }
        return merged;
    }

    /** The real topology in dev. */
    public static synchronized Synth dev() {
        return APPS.computeIfAbsent("dev", k -> new Synth(Environments.dev(), PulseTopology.define()));
    }

    /** The real topology in prod. */
    public static synchronized Synth prod() {
        return APPS.computeIfAbsent("prod", k -> new Synth(Environments.prod(), PulseTopology.define()));
    }

    /** A fuller topology (authorized route, schedule, stream writer) in dev, proving the stacks are generic. */
    public static synchronized Synth fixture() {
        return APPS.computeIfAbsent("fixture", k -> new Synth(Environments.dev(), FixtureTopology.define()));
    }

    /** A fresh synth (not shared: it costs seconds) of the real topology in dev, with the given code. */
    public static Synth devWithCode(CodeProvider code) {
        return devWith(code, platform -> {});
    }

    /** A fresh synth of the real topology in dev, with the given code and a planted change made before the synth. */
    public static Synth devWith(CodeProvider code, Consumer<PulsePlatform> plant) {
        return new Synth(Environments.dev(), PulseTopology.define(), code, plant);
    }

    public static List<Synth> all() {
        return List.of(dev(), prod(), fixture());
    }

    /**
     * The template of one stack, by the part of its name after the environment: Network, Function-ingest, ...;
     * {@code Functions} is every function stack's template merged into one.
     */
    public Template template(String part) {
        if (part.equals("Functions")) {
            return functions;
        }
        Template template = templates.get(config.stackName(part));
        if (template == null) {
            throw new IllegalArgumentException("no stack " + part + "; have " + templates.keySet());
        }
        return template;
    }

    /** Every stack's template as synthesized (JSON maps, by stack name), e.g. for the snapshots. */
    public Map<String, Map<String, Object>> json() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        raw.forEach((name, json) -> copy.put(name, json));
        return copy;
    }

    public Map<String, Template> templates() {
        return Map.copyOf(templates);
    }

    public PulsePlatform platform() {
        return platform;
    }

    public EnvironmentConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    @Override
    public String toString() {
        return config.name()
                + (topology.functions().size() == platform.functions().stacks().size() ? "" : "?");
    }
}
