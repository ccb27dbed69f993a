package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.ApiLimits;
import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: one route per topology route, each integrated with its function's {@code live} alias; routes marked
 * authorized sit behind a JWT authorizer backed by a Cognito user pool, with the scopes they require, which the pool's
 * resource servers define and its web client may request. CORS admits only the web app's origin, and the default
 * stage is throttled.
 */
public final class ApiStack extends Stack {
    private final HttpApi api;
    /** The access log line: the request, its route and caller, the answer, and where the time went. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"time\":\"$context.requestTimeEpoch\",\"ip\":\"$context.identity.sourceIp\","
            + "\"method\":\"$context.httpMethod\",\"route\":\"$context.routeKey\","
            + "\"path\":\"$context.path\",\"status\":\"$context.status\","
            + "\"bytes\":\"$context.responseLength\",\"latencyMs\":\"$context.responseLatency\","
            + "\"integrationMs\":\"$context.integrationLatency\","
            + "\"integrationStatus\":\"$context.integrationStatus\","
            + "\"error\":\"$context.error.message\",\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"user\":\"$context.authorizer.claims.sub\"}";

    private final HttpStage stage;
    private final UserPool userPool;
    private final UserPoolDomain login;
    private final UserPoolClient webClient;
    private final List<String> webScopes;

    public ApiStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            Topology topology,
            Functions functions) {
        super(scope, id, props);
        ApiLimits limits = config.api();
        userPool = UserPool.Builder.create(this, "Users")
                .userPoolName(config.prefix() + "-users")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireDigits(true)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .build())
                .deletionProtection(config.protectData())
                .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // Cognito issues resource-server scopes only through its OAuth endpoints, so the pool gets a domain, and the
        // web app signs in as a public client: authorization code with PKCE, no secret, no implicit flow.
        login = userPool.addDomain(
                "Login",
                UserPoolDomainOptions.builder()
                        .cognitoDomain(CognitoDomainOptions.builder()
                                .domainPrefix(config.prefix() + "-" + getAccount())
                                .build())
                        .build());
        List<OAuthScope> scopes = new ArrayList<>(List.of(OAuthScope.OPENID));
        RouteScopes.declare(userPool, topology).stream()
                .filter(routeScope -> !routeScope.getScopeName().equals(OAuthScope.OPENID.getScopeName()))
                .forEach(scopes::add);
        webScopes = scopes.stream().map(OAuthScope::getScopeName).toList();
        webClient = userPool.addClient(
                "WebApp",
                UserPoolClientOptions.builder()
                        .userPoolClientName(config.prefix() + "-web")
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().userSrp(true).build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .authorizationCodeGrant(true)
                                        .build())
                                .scopes(scopes)
                                .callbackUrls(List.of(limits.webOrigin() + "/"))
                                .logoutUrls(List.of(limits.webOrigin() + "/"))
                                .build())
                        .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                        .build());
        HttpJwtAuthorizer authorizer = new HttpJwtAuthorizer(
                "Jwt",
                "https://cognito-idp." + getRegion() + ".amazonaws.com/" + userPool.getUserPoolId(),
                HttpJwtAuthorizerProps.builder()
                        .authorizerName(config.prefix() + "-jwt")
                        .jwtAudience(List.of(webClient.getUserPoolClientId()))
                        .build());
        api = HttpApi.Builder.create(this, "Api")
                .apiName(config.prefix() + "-api")
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of(limits.webOrigin()))
                        .allowMethods(corsMethods(topology))
                        .allowHeaders(List.of("authorization", "content-type"))
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        // One JSON line per request, so Logs Insights can filter by route, status and latency.
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/apigateway/" + config.prefix() + "-api")
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stage = api.addStage(
                "DefaultStage",
                HttpStageOptions.builder()
                        .stageName("$default")
                        .autoDeploy(true)
                        .accessLogSettings(new IAccessLogSettings() {
                            @Override
                            public IAccessLogDestination getDestination() {
                                return new LogGroupLogDestination(accessLogs);
                            }

                            @Override
                            public AccessLogFormat getFormat() {
                                return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                            }
                        })
                        .throttle(ThrottleSettings.builder()
                                .rateLimit(limits.rateLimit())
                                .burstLimit(limits.burstLimit())
                                .build())
                        .build());
        Map<String, HttpLambdaIntegration> integrations = new HashMap<>();
        for (RouteSpec route : topology.routes()) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(
                    route.function(),
                    name -> new HttpLambdaIntegration(
                            "Integration-" + name, functions.function(name).alias()));
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration);
            if (route.authorized()) {
                options.authorizer(authorizer);
            }
            if (!route.scopes().isEmpty()) {
                options.authorizationScopes(route.scopes());
            }
            api.addRoutes(options.build());
        }
        CfnOutput.Builder.create(this, "ApiUrl").value(stage.getUrl()).build();
        CfnOutput.Builder.create(this, "UserPoolId")
                .value(userPool.getUserPoolId())
                .build();
        CfnOutput.Builder.create(this, "WebClientId")
                .value(webClient.getUserPoolClientId())
                .build();
        CfnOutput.Builder.create(this, "LoginUrl").value(login.baseUrl()).build();
    }

    private static List<CorsHttpMethod> corsMethods(Topology topology) {
        Set<CorsHttpMethod> methods = new LinkedHashSet<>();
        for (RouteSpec route : topology.routes()) {
            methods.add(CorsHttpMethod.valueOf(route.method()));
        }
        methods.add(CorsHttpMethod.OPTIONS);
        return List.copyOf(methods);
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    public UserPool userPool() {
        return userPool;
    }

    /** The hosted UI's base URL, where the web app sends users to sign in. */
    public String loginUrl() {
        return login.baseUrl();
    }

    /** The web app's public client (authorization code with PKCE). */
    public UserPoolClient webClient() {
        return webClient;
    }

    /** The scopes the web client may ask for: openid and every route's. */
    public List<String> webScopes() {
        return webScopes;
    }
}
