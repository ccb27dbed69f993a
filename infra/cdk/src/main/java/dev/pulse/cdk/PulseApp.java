package dev.pulse.cdk;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.code.JarCode;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * The CDK app. Context: {@code env} (dev|prod), {@code code} (jars|placeholder), {@code webOrigin},
 * {@code alarmEmail}, {@code pulseRoot}; account and region come from CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION.
 */
public final class PulseApp {
    private PulseApp() {}

    public static void main(String[] args) {
        App app = new App();
        EnvironmentConfig config = EnvironmentConfig.named(context(app, "env").orElse("dev"));
        Optional<String> origin = context(app, "webOrigin");
        if (origin.isPresent()) {
            config = withOrigin(config, origin.get());
        }
        Topology topology = PulseTopology.define();
        Path root = Path.of(context(app, "pulseRoot").orElse("../.."))
                .toAbsolutePath()
                .normalize();
        CodeProvider code = switch (context(app, "code").orElse("jars")) {
            case "jars" -> new JarCode(root);
            case "placeholder" -> new PlaceholderCode();
            default -> throw new IllegalArgumentException("context 'code' must be jars or placeholder");
        };
        Environment account = Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build();
        PulsePlatform.build(
                app, topology, config, code, new PulsePlatform.Options(account, context(app, "alarmEmail")));
        app.synth();
    }

    static EnvironmentConfig withOrigin(EnvironmentConfig c, String origin) {
        return new EnvironmentConfig(
                c.name(),
                c.maxAzs(),
                c.stream(),
                c.search(),
                c.cache(),
                c.api().withOrigin(origin),
                c.alarms(),
                c.logRetention(),
                c.protectData());
    }

    private static Optional<String> context(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
