package dev.pulse.cdk.stacks;

import dev.pulse.cdk.FixtureTopology;
import dev.pulse.cdk.Synth;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiStackTest {
    private static Template dev() {
        return Synth.dev().template("Api");
    }

    private static Template fixture() {
        return Synth.fixture().template("Api");
    }

    @Test
    void everyTopologyRoute_becomesARoute() {
        dev().resourceCountIs(
                        "AWS::ApiGatewayV2::Route",
                        PulseTopology.define().routes().size());
        for (RouteSpec route : PulseTopology.define().routes()) {
            dev().hasResourceProperties(
                            "AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("RouteKey", route.routeKey())));
        }
        fixture()
                .resourceCountIs(
                        "AWS::ApiGatewayV2::Route",
                        FixtureTopology.define().routes().size());
    }

    @Test
    void authorizedRoutes_useTheCognitoJwtAuthorizer_andPublicOnesDoNot() {
        fixture()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Authorizer",
                        Match.objectLike(Map.of(
                                "AuthorizerType",
                                "JWT",
                                "IdentitySource",
                                List.of("$request.header.Authorization"),
                                "JwtConfiguration",
                                Match.objectLike(Map.of(
                                        "Audience",
                                                List.of(Map.of(
                                                        "Ref",
                                                        fixture().getResourceId("AWS::Cognito::UserPoolClient"))),
                                        "Issuer", Match.objectLike(Map.of("Fn::Join", Match.anyValue())))))));
        fixture()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(Map.of(
                                "RouteKey",
                                "GET /accounts/{id}",
                                "AuthorizationType",
                                "JWT",
                                "AuthorizerId",
                                Match.anyValue())));
        fixture()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(Map.of("RouteKey", "GET /mentions", "AuthorizationType", "NONE")));
    }

    @Test
    void scopedRoutes_carryTheirAuthorizationScopes_andOthersNone() {
        fixture()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(Map.of(
                                "RouteKey",
                                "GET /accounts/{id}",
                                "AuthorizationType",
                                "JWT",
                                "AuthorizationScopes",
                                List.of(FixtureTopology.READ_SCOPE, FixtureTopology.ADMIN_SCOPE))));
        fixture()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(Map.of("RouteKey", "GET /mentions", "AuthorizationScopes", Match.absent())));
    }

    @Test
    void routeScopes_areDefinedByAResourceServerOnTheUserPool() {
        fixture().resourceCountIs("AWS::Cognito::UserPoolResourceServer", 1);
        fixture()
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolResourceServer",
                        Match.objectLike(Map.of(
                                "Identifier",
                                "pulse",
                                "UserPoolId",
                                Map.of("Ref", fixture().getResourceId("AWS::Cognito::UserPool")),
                                "Scopes",
                                Match.arrayWith(List.of(
                                        Map.of(
                                                "ScopeName",
                                                "read",
                                                "ScopeDescription",
                                                "Required by GET /accounts/{id}"),
                                        Map.of(
                                                "ScopeName",
                                                "admin",
                                                "ScopeDescription",
                                                "Required by GET /accounts/{id}"))))));
        // The real topology's accounts routes: one server, each scope described by the routes that require it.
        dev().resourceCountIs("AWS::Cognito::UserPoolResourceServer", 1);
        dev().hasResourceProperties(
                        "AWS::Cognito::UserPoolResourceServer",
                        Match.objectLike(Map.of(
                                "Identifier",
                                "pulse",
                                "Scopes",
                                List.of(
                                        Match.objectLike(Map.of(
                                                "ScopeName",
                                                "accounts.write",
                                                "ScopeDescription",
                                                Match.stringLikeRegexp("Required by POST /accounts, PATCH .*"))),
                                        Match.objectLike(Map.of(
                                                "ScopeName",
                                                "accounts.read",
                                                "ScopeDescription",
                                                Match.stringLikeRegexp("Required by GET /accounts/me, .*")))))));
    }

    @Test
    void webClient_signsInWithAuthorizationCodeAndNoSecret_andMayAskForTheRouteScopes() {
        String server = fixture().getResourceId("AWS::Cognito::UserPoolResourceServer");
        fixture()
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolClient",
                        Match.objectLike(Map.of(
                                "GenerateSecret",
                                false,
                                "AllowedOAuthFlowsUserPoolClient",
                                true,
                                "AllowedOAuthFlows",
                                List.of("code"),
                                "AllowedOAuthScopes",
                                List.of(
                                        "openid",
                                        scope(server, "accounts.write"),
                                        scope(server, "accounts.read"),
                                        scope(server, "read"),
                                        scope(server, "admin")),
                                "CallbackURLs",
                                List.of("http://localhost:3000/"),
                                "SupportedIdentityProviders",
                                List.of("COGNITO"))));
        String devServer = dev().getResourceId("AWS::Cognito::UserPoolResourceServer");
        dev().hasResourceProperties(
                        "AWS::Cognito::UserPoolClient",
                        Match.objectLike(Map.of(
                                "AllowedOAuthFlows",
                                List.of("code"),
                                "AllowedOAuthScopes",
                                List.of(
                                        "openid",
                                        scope(devServer, "accounts.write"),
                                        scope(devServer, "accounts.read")))));
    }

    private static Map<String, Object> scope(String server, String name) {
        return Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", server), "/" + name)));
    }

    @Test
    void userPool_hasAHostedDomainForTheOAuthEndpoints() {
        dev().hasResourceProperties(
                        "AWS::Cognito::UserPoolDomain",
                        Match.objectLike(Map.of(
                                "Domain",
                                "pulse-dev-123456789012",
                                "UserPoolId",
                                Map.of("Ref", dev().getResourceId("AWS::Cognito::UserPool")))));
    }

    @Test
    void userPool_isInviteOnly() {
        dev().hasResourceProperties(
                        "AWS::Cognito::UserPool",
                        Match.objectLike(Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true))));
        dev().hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of("GenerateSecret", false)));
    }

    @Test
    void cors_admitsOnlyTheWebAppsOrigin() {
        dev().hasResourceProperties(
                        "AWS::ApiGatewayV2::Api",
                        Match.objectLike(Map.of(
                                "ProtocolType",
                                "HTTP",
                                "CorsConfiguration",
                                Match.objectLike(Map.of(
                                        "AllowOrigins",
                                                List.of(Synth.dev()
                                                        .config()
                                                        .api()
                                                        .webOrigin()),
                                        "AllowMethods", Match.arrayWith(List.of("GET")))))));
        Synth.prod()
                .template("Api")
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api",
                        Match.objectLike(Map.of(
                                "CorsConfiguration",
                                Match.objectLike(Map.of("AllowOrigins", List.of("https://app.pulse.example"))))));
    }

    @Test
    void defaultStage_isThrottled() {
        Synth.prod()
                .template("Api")
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Stage",
                        Match.objectLike(Map.of(
                                "StageName",
                                "$default",
                                "AutoDeploy",
                                true,
                                "DefaultRouteSettings",
                                Match.objectLike(Map.of("ThrottlingRateLimit", 2000, "ThrottlingBurstLimit", 5000)))));
    }

    @Test
    void routes_invokeTheLiveAliasThroughPayloadV2() {
        dev().hasResourceProperties(
                        "AWS::ApiGatewayV2::Integration",
                        Match.objectLike(Map.of(
                                "IntegrationType", "AWS_PROXY",
                                "PayloadFormatVersion", "2.0",
                                "IntegrationUri",
                                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Fnmentions.*Live.*")))));
    }
}
