package dev.pulse.cdk;

import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.code.JarCode;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.config.Zones;
import dev.pulse.cdk.stacks.WebStack;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. Context: {@code env} (dev|prod), {@code code} (jars|placeholder|auto), {@code webOrigin},
 * {@code alarmEmail}, {@code azs} (comma-separated zones; else the region's entry of the {@code zones} context),
 * {@code searchAdmins} (comma-separated IAM role ARNs that may assume the OpenSearch master role), {@code pulseRoot}; account and region come from CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION.
 */
public final class PulseApp {
    private PulseApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app, System.getenv("CDK_DEFAULT_ACCOUNT"), System.getenv("CDK_DEFAULT_REGION"));
        app.synth();
    }

    /** Builds the platform that the app's context asks for; the test seam for context handling. */
    static PulsePlatform build(App app, String accountId, String regionName) {
        EnvironmentConfig config = EnvironmentConfig.named(context(app, "env").orElse(null));
        Optional<String> origin = context(app, "webOrigin");
        if (origin.isPresent()) {
            config = withOrigin(config, origin.get());
        }
        Topology topology = PulseTopology.define();
        Path root = Path.of(context(app, "pulseRoot").orElse("../.."))
                .toAbsolutePath()
                .normalize();
        JarCode jars = new JarCode(root);
        CodeProvider code = switch (context(app, "code").orElse("jars")) {
            case "jars" -> jars;
            case "placeholder" -> new PlaceholderCode();
            case "auto" -> jars.allBuilt(topology.functions()) ? jars : placeholderWithNotice();
            default -> throw new IllegalArgumentException("context 'code' must be jars, placeholder or auto");
        };
        Environment account =
                Environment.builder().account(accountId).region(regionName).build();
        String region = account.getRegion();
        int count = config.maxAzs();
        List<String> zones = context(app, "azs")
                .map(z -> List.of(z.split(",")))
                .orElseGet(() -> region == null
                        ? List.of()
                        : Zones.forRegion(app.getNode().tryGetContext("zones"), region, count));
        PulsePlatform platform = PulsePlatform.build(
                app,
                topology,
                config,
                code,
                new PulsePlatform.Options(
                        account,
                        context(app, "alarmEmail"),
                        zones,
                        context(app, "searchAdmins")
                                .map(a -> List.of(a.split(",")))
                                .orElse(List.of())));
        new WebStack(
                app,
                config.stackName("Web"),
                StackProps.builder()
                        .env(account)
                        .description("Pulse " + config.name() + ": web app (S3, CloudFront)")
                        .terminationProtection(config.protectData())
                        .build(),
                config,
                new WebStack.Inputs(
                        platform.api().api().getApiEndpoint(),
                        platform.api().loginUrl(),
                        platform.api().webClient().getUserPoolClientId(),
                        platform.api().webScopes(),
                        WebStack.apiPaths(topology)),
                webSite(root));
        return platform;
    }

    /** The built web app ({@code node web/build.mjs}); before a build, a one-page placeholder so synth still works. */
    static Path webSite(Path root) {
        Path dist = root.resolve("web/dist");
        if (Files.isRegularFile(dist.resolve("index.html"))) {
            return dist;
        }
        try {
            Path placeholder = Files.createTempDirectory("pulse-web-placeholder");
            Files.createDirectories(placeholder.resolve("assets"));
            Files.writeString(placeholder.resolve("assets/README.txt"), "placeholder: build the web app first\n");
            Files.writeString(placeholder.resolve("index.html"), "<!doctype html><title>Pulse</title>\n");
            System.err.println("pulse: web app not built yet (node web/build.mjs): the web stack uses a placeholder");
            return placeholder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synth before a build still writes every template; deploy never takes this path (it passes code=jars). */
    private static CodeProvider placeholderWithNotice() {
        System.err.println("pulse: function jars not built yet: templates use a placeholder code asset");
        return new PlaceholderCode();
    }

    static EnvironmentConfig withOrigin(EnvironmentConfig c, String origin) {
        return new EnvironmentConfig(
                c.stage(),
                c.maxAzs(),
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
