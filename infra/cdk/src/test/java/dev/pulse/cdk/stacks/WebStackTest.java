package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.Environments;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.WebSecurityHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The web stack: private bucket behind OAC, the API as a second origin, security headers, deploy invalidation. */
class WebStackTest {
    private static final String LOGIN = "https://pulse-dev-111111111111.auth.eu-west-1.amazoncognito.com";
    private static Template template;

    @BeforeAll
    static void synth() throws IOException {
        Path site = Files.createTempDirectory("web-site");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("index.html"), "<!doctype html>");
        Files.writeString(site.resolve("assets/main.0123456789.js"), "export {};");
        App app = new App();
        WebStack stack = new WebStack(
                app,
                "Pulse-dev-Web",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("111111111111")
                                .region("eu-west-1")
                                .build())
                        .build(),
                Environments.dev(),
                new WebStack.Inputs(
                        "https://abc123.execute-api.eu-west-1.amazonaws.com",
                        LOGIN,
                        "web-client-id",
                        List.of("openid", "pulse/accounts.read"),
                        WebStack.apiPaths(PulseTopology.define())),
                site);
        template = Template.fromStack(stack);
    }

    @Test
    void bucket_isPrivateEncryptedAndReadOnlyByCloudFrontThroughOac() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "PublicAccessBlockConfiguration",
                        Map.of(
                                "BlockPublicAcls", true,
                                "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true,
                                "RestrictPublicBuckets", true),
                        "BucketEncryption",
                        Match.objectLike(Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(Match.objectLike(Map.of(
                                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))))))));
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Allow",
                                        "Principal",
                                        Map.of("Service", "cloudfront.amazonaws.com"),
                                        "Action",
                                        "s3:GetObject",
                                        "Condition",
                                        Match.objectLike(Map.of("StringEquals", Match.anyValue())))))))))));
    }

    @Test
    void apiPaths_areTheRoutesFirstSegments() {
        org.assertj.core.api.Assertions.assertThat(WebStack.apiPaths(PulseTopology.define()))
                .containsExactly("/mentions*", "/accounts*");
    }

    @Test
    void distribution_sendsTheApiPathsToTheApiOriginUncached_andTheRestToS3() {
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Match.objectLike(Map.of(
                        "DistributionConfig",
                        Match.objectLike(Map.of(
                                "DefaultRootObject",
                                "index.html",
                                "Origins",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "DomainName",
                                        "abc123.execute-api.eu-west-1.amazonaws.com",
                                        "CustomOriginConfig",
                                        Match.objectLike(Map.of("OriginProtocolPolicy", "https-only")))))),
                                "DefaultCacheBehavior",
                                Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                                "CacheBehaviors",
                                List.of(apiBehavior("/mentions*"), apiBehavior("/accounts*")))))));
    }

    private static Object apiBehavior(String path) {
        return Match.objectLike(Map.of(
                "PathPattern",
                path,
                // CloudFront's managed CachingDisabled policy
                "CachePolicyId",
                "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "ViewerProtocolPolicy",
                "https-only",
                "AllowedMethods",
                Match.arrayWith(List.of("PUT", "PATCH", "POST", "DELETE"))));
    }

    @Test
    void everyAnswer_carriesCspHstsFrameDenyAndNosniff() {
        template.hasResourceProperties(
                "AWS::CloudFront::ResponseHeadersPolicy",
                Match.objectLike(Map.of(
                        "ResponseHeadersPolicyConfig",
                        Match.objectLike(Map.of(
                                "SecurityHeadersConfig",
                                Match.objectLike(Map.of(
                                        "ContentSecurityPolicy",
                                        Map.of(
                                                "ContentSecurityPolicy",
                                                WebStack.contentSecurityPolicy(LOGIN),
                                                "Override",
                                                true),
                                        "StrictTransportSecurity",
                                        Match.objectLike(Map.of(
                                                "AccessControlMaxAgeSec", 31_536_000, "IncludeSubdomains", true)),
                                        "FrameOptions",
                                        Map.of("FrameOption", "DENY", "Override", true),
                                        "ContentTypeOptions",
                                        Map.of("Override", true))))))));
        org.assertj.core.api.Assertions.assertThat(WebStack.contentSecurityPolicy(LOGIN))
                .contains("frame-ancestors 'none'", "script-src 'self'", "connect-src 'self' " + LOGIN);
    }

    /**
     * The policy's settings read back as the headers CloudFront sends for them: exactly the declared HTTPS set, which is
     * the local runtime's set (StaticSiteTest) plus HSTS and the hosted UI in connect-src.
     */
    @Test
    @SuppressWarnings("unchecked")
    void securityHeaders_areTheDeclaredOnes_sameAsTheLocalRuntimeServesPlusHstsAndTheHostedUi() {
        Map<String, Object> policy =
                (Map<String, Object>) template.findResources("AWS::CloudFront::ResponseHeadersPolicy")
                        .values()
                        .iterator()
                        .next()
                        .get("Properties");
        Map<String, Object> config = (Map<String, Object>) policy.get("ResponseHeadersPolicyConfig");
        Map<String, Map<String, Object>> security =
                (Map<String, Map<String, Object>>) config.get("SecurityHeadersConfig");
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put(WebSecurityHeaders.CONTENT_SECURITY_POLICY, (String)
                security.get("ContentSecurityPolicy").get("ContentSecurityPolicy"));
        Map<String, Object> hsts = security.get("StrictTransportSecurity");
        sent.put(
                WebSecurityHeaders.STRICT_TRANSPORT_SECURITY,
                "max-age=" + hsts.get("AccessControlMaxAgeSec")
                        + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : ""));
        sent.put(WebSecurityHeaders.FRAME_OPTIONS, (String)
                security.get("FrameOptions").get("FrameOption"));
        if (security.containsKey("ContentTypeOptions")) {
            sent.put(WebSecurityHeaders.CONTENT_TYPE_OPTIONS, "nosniff"); // the one value CloudFront can send
        }
        sent.put(WebSecurityHeaders.REFERRER_POLICY, (String)
                security.get("ReferrerPolicy").get("ReferrerPolicy"));
        List<Map<String, Object>> custom =
                (List<Map<String, Object>>) ((Map<String, Object>) config.get("CustomHeadersConfig")).get("Items");
        custom.forEach(h -> sent.put((String) h.get("Header"), (String) h.get("Value")));
        org.assertj.core.api.Assertions.assertThat(custom).allMatch(h -> Boolean.TRUE.equals(h.get("Override")));

        Map<String, String> declared = WebSecurityHeaders.https(List.of(LOGIN));
        org.assertj.core.api.Assertions.assertThat(sent).isEqualTo(declared);
        Map<String, String> local = new java.util.LinkedHashMap<>(declared);
        local.remove(WebSecurityHeaders.STRICT_TRANSPORT_SECURITY);
        local.put(WebSecurityHeaders.CONTENT_SECURITY_POLICY, WebSecurityHeaders.contentSecurityPolicy(List.of()));
        org.assertj.core.api.Assertions.assertThat(local).isEqualTo(WebSecurityHeaders.plainHttp());
    }

    @Test
    void deploy_uploadsAssetsImmutableFirst_thenHtmlNoCacheWithAnInvalidation() {
        template.resourceCountIs("Custom::CDKBucketDeployment", 2);
        template.hasResourceProperties(
                "Custom::CDKBucketDeployment",
                Match.objectLike(Map.of(
                        "DestinationBucketKeyPrefix",
                        "assets/",
                        "Prune",
                        false,
                        "SystemMetadata",
                        Map.of("cache-control", "public, max-age=31536000, immutable"))));
        template.hasResourceProperties(
                "Custom::CDKBucketDeployment",
                Match.objectLike(Map.of(
                        "DistributionPaths", List.of("/", "/index.html", "/config.json"),
                        "Prune", false,
                        "SystemMetadata", Map.of("cache-control", "no-cache"))));
        template.hasResource(
                "Custom::CDKBucketDeployment",
                Match.objectLike(Map.of(
                        "Properties", Match.objectLike(Map.of("DistributionPaths", Match.anyValue())),
                        "DependsOn", Match.anyValue())));
    }
}
