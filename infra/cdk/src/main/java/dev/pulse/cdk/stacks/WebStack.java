package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.core.topology.WebSecurityHeaders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The web app: its built files ({@code web/dist}) in a private S3 bucket that only CloudFront reads (origin access
 * control), the HTTP API as CloudFront's second origin under its own paths (so the app calls its own origin: no CORS,
 * {@code connect-src 'self'}), security headers on every answer, and an invalidation of the HTML on each deploy.
 * Hashed assets are uploaded first and never pruned, so a tab still open on the previous version keeps loading.
 */
public final class WebStack extends Stack {
    /** What the stack needs of the API stack: the stage's endpoint and the hosted UI's sign-in settings. */
    public record Inputs(
            String apiEndpoint, String loginUrl, String clientId, List<String> scopes, List<String> apiPaths) {}

    /**
     * The path patterns CloudFront sends to the API origin: each route's first segment, from the topology. The legacy
     * proxy's routes are left out: legacy clients call the API directly, and the web app never does.
     */
    public static List<String> apiPaths(Topology topology) {
        return topology.routes().stream()
                .filter(route -> !route.function().equals(PulseTopology.LEGACY_PROXY_FUNCTION))
                .map(route -> "/" + route.path().split("/")[1] + "*")
                .distinct()
                .toList();
    }

    private final Distribution distribution;

    public WebStack(Construct scope, String id, StackProps props, EnvironmentConfig config, Inputs inputs, Path site) {
        super(scope, id, props);
        Bucket bucket = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(config.protectData())
                .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        ResponseHeadersPolicy headers = securityHeaders(config.prefix() + "-web-security", inputs.loginUrl());
        BehaviorOptions api = BehaviorOptions.builder()
                .origin(new HttpOrigin(Fn.select(2, Fn.split("/", inputs.apiEndpoint()))))
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(headers)
                .build();
        Map<String, BehaviorOptions> apiBehaviors = new LinkedHashMap<>();
        inputs.apiPaths().forEach(path -> apiBehaviors.put(path, api));
        distribution = Distribution.Builder.create(this, "Cdn")
                .comment(config.prefix() + " web app")
                .defaultRootObject("index.html")
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(headers)
                        .build())
                .additionalBehaviors(apiBehaviors)
                .build();
        String origin = "https://" + distribution.getDistributionDomainName();
        // Both deployments share CDK's one handler function; without a group of its own it logs forever.
        LogGroup deployLogs = LogGroup.Builder.create(this, "DeploymentLogs")
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        BucketDeployment assets = BucketDeployment.Builder.create(this, "Assets")
                .sources(List.of(Source.asset(site.resolve("assets").toString())))
                .destinationBucket(bucket)
                .destinationKeyPrefix("assets/")
                .logGroup(deployLogs)
                .cacheControl(List.of(CacheControl.fromString("public, max-age=31536000, immutable")))
                .prune(false)
                .build();
        BucketDeployment pages = BucketDeployment.Builder.create(this, "Pages")
                .sources(List.of(
                        Source.asset(
                                site.toString(),
                                AssetOptions.builder()
                                        .exclude(List.of("assets", "assets/**", "config.json"))
                                        .build()),
                        Source.jsonData(
                                "config.json",
                                Map.of(
                                        "apiBase",
                                        "",
                                        "auth",
                                        Map.of(
                                                "mode", "cognito",
                                                "domain", inputs.loginUrl(),
                                                "clientId", inputs.clientId(),
                                                "redirectUri", config.api().webOrigin() + "/",
                                                "scopes", inputs.scopes())))))
                .destinationBucket(bucket)
                .cacheControl(List.of(CacheControl.noCache()))
                .logGroup(deployLogs)
                .prune(false)
                .distribution(distribution)
                .distributionPaths(List.of("/", "/index.html", "/config.json"))
                .build();
        pages.getNode().addDependency(assets);
        // The hosted UI's callback is the webOrigin context (the ApiStack's); set it to this URL or a domain aliased to
        // it.
        CfnOutput.Builder.create(this, "WebUrl").value(origin + "/").build();
    }

    /**
     * CloudFront's response-headers policy for {@link WebSecurityHeaders#https}: the typed security headers from the
     * declared values, and the declared headers CloudFront has no field for as custom headers. Every one overrides what
     * an origin sends.
     */
    private ResponseHeadersPolicy securityHeaders(String name, String loginUrl) {
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .responseHeadersPolicyName(name)
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy(loginUrl))
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.seconds(WebSecurityHeaders.HSTS_MAX_AGE_SECONDS))
                                .includeSubdomains(WebSecurityHeaders.HSTS_INCLUDE_SUBDOMAINS)
                                .override(true)
                                .build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.valueOf(WebSecurityHeaders.FRAME_OPTION))
                                .override(true)
                                .build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                                .override(true)
                                .build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.valueOf(WebSecurityHeaders.REFERRER
                                        .toUpperCase(Locale.ROOT)
                                        .replace('-', '_')))
                                .override(true)
                                .build())
                        .build())
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder()
                        .customHeaders(WebSecurityHeaders.customHeaders().entrySet().stream()
                                .map(h -> ResponseCustomHeader.builder()
                                        .header(h.getKey())
                                        .value(h.getValue())
                                        .override(true)
                                        .build())
                                .toList())
                        .build())
                .build();
    }

    /** The declared policy, plus the hosted UI's token endpoint for the PKCE exchange. */
    static String contentSecurityPolicy(String loginUrl) {
        return WebSecurityHeaders.contentSecurityPolicy(List.of(loginUrl));
    }

    public Distribution distribution() {
        return distribution;
    }
}
