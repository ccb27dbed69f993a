package dev.pulse.cdk;

import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.config.Environments;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private Synth(EnvironmentConfig config, Topology topology) {
        this.config = config;
        this.topology = topology;
        App app = new App();
        platform = PulsePlatform.build(
                app,
                topology,
                config,
                new PlaceholderCode(),
                new PulsePlatform.Options(
                        Environment.builder()
                                .account("123456789012")
                                .region("us-east-1")
                                .build(),
                        Optional.of("oncall@pulse.example"),
                        PulsePlatform.Options.defaultZones("us-east-1", config.maxAzs())));
        CloudAssembly assembly = app.synth();
        for (Stack stack : platform.stacks()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>)
                    assembly.getStackByName(stack.getStackName()).getTemplate();
            templates.put(stack.getStackName(), Template.fromJSON(json));
        }
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

    public static List<Synth> all() {
        return List.of(dev(), prod(), fixture());
    }

    /** The template of one stack, by the part of its name after the environment: Network, Functions, ... */
    public Template template(String part) {
        Template template = templates.get(config.stackName(part));
        if (template == null) {
            throw new IllegalArgumentException("no stack " + part + "; have " + templates.keySet());
        }
        return template;
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
        return config.name() + (templates.containsKey(config.stackName("Functions")) ? "" : "?");
    }
}
