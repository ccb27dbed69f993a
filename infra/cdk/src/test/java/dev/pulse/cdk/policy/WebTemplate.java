package dev.pulse.cdk.policy;

import dev.pulse.cdk.config.Environments;
import dev.pulse.cdk.stacks.WebStack;
import dev.pulse.core.topology.PulseTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The web stack (outside the platform's ten stacks) synthesized once, for the policy rules. */
final class WebTemplate {
    private static Template template;

    private WebTemplate() {}

    static synchronized Template get() {
        if (template == null) {
            template = synth();
        }
        return template;
    }

    private static Template synth() {
        try {
            Path site = Files.createTempDirectory("web-site");
            Files.createDirectories(site.resolve("assets"));
            Files.writeString(site.resolve("index.html"), "<!doctype html>");
            App app = new App();
            WebStack stack = new WebStack(
                    app,
                    "Pulse-dev-Web",
                    StackProps.builder()
                            .env(Environment.builder()
                                    .account("123456789012")
                                    .region("us-east-1")
                                    .build())
                            .build(),
                    Environments.dev(),
                    new WebStack.Inputs(
                            "https://abc123.execute-api.us-east-1.amazonaws.com",
                            "https://pulse-dev.auth.us-east-1.amazoncognito.com",
                            "web-client-id",
                            List.of("openid"),
                            WebStack.apiPaths(PulseTopology.define())),
                    site);
            return Template.fromStack(stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
