package dev.pulse.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The context an operator passes with {@code -c}: environment, web origin, zones, alarm e-mail and code source. */
class PulseAppTest {
    private static PulsePlatform platform;
    private static Stack web;

    @BeforeAll
    static void synth() {
        App app = App.Builder.create()
                .context(Map.of(
                        "env", "prod",
                        "webOrigin", "https://pulse.customer.example",
                        "azs", "eu-west-1a,eu-west-1b,eu-west-1c",
                        "alarmEmail", "ops@customer.example",
                        "code", "placeholder"))
                .build();
        platform = PulseApp.build(app, "210987654321", "eu-west-1");
        web = (Stack) app.getNode().findChild("Pulse-prod-Web");
    }

    @Test
    void theAppAlsoHasTheWebStack_terminationProtectedInProd() {
        assertThat(web.getAccount()).isEqualTo("210987654321");
        assertThat(web.getTerminationProtection()).isTrue();
    }

    @Test
    void givenEnvProd_everyStackIsAProdStackInTheGivenAccountAndRegion() {
        assertThat(platform.stacks())
                .hasSize(9
                        + dev.pulse.core.topology.PulseTopology.define()
                                .functions()
                                .size());
        for (Stack stack : platform.stacks()) {
            assertThat(stack.getStackName()).startsWith("Pulse-prod-");
            assertThat(stack.getAccount()).isEqualTo("210987654321");
            assertThat(stack.getRegion()).isEqualTo("eu-west-1");
            assertThat(stack.getTerminationProtection()).isTrue();
        }
    }

    @Test
    void givenAWebOrigin_corsAdmitsExactlyIt() {
        Template.fromStack(platform.api())
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api",
                        Match.objectLike(Map.of(
                                "CorsConfiguration",
                                Match.objectLike(Map.of("AllowOrigins", List.of("https://pulse.customer.example"))))));
    }

    @Test
    void givenZones_theVpcUsesExactlyThose() {
        assertThat(platform.network().vpc().getAvailabilityZones())
                .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    }

    @Test
    void givenAnUnknownCodeSource_theAppRefusesToBuild() {
        App app = App.Builder.create().context(Map.of("code", "s3")).build();
        assertThatThrownBy(() -> PulseApp.build(app, "210987654321", "eu-west-1"))
                .hasMessageContaining("jars, placeholder or auto");
    }
}
