package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SearchBootstrapTest {
    private static Template dev() {
        return Synth.dev().template("SearchBootstrap");
    }

    private static String calls(Synth app) {
        return app.template("SearchBootstrap")
                .findResources("Custom::PulseSearchBootstrap")
                .toString();
    }

    @Test
    void customResource_createsIndicesAliasesTemplatesAndMapsFunctionRoles() {
        dev().resourceCountIs("Custom::PulseSearchBootstrap", 1);
        String calls = calls(Synth.dev());
        assertThat(calls)
                .contains("/pages-v2\"", "/pages-v2/_alias/pages", "/_index_template/posts")
                .contains(
                        "/_plugins/_security/api/roles/pulse_ingest",
                        "/_plugins/_security/api/rolesmapping/pulse_mentions")
                .contains("FningestFunctionServiceRole");
    }

    @Test
    void replicas_areZeroOnTheSingleNodeDevDomainAndOneInProd() {
        assertThat(calls(Synth.dev())).contains("\"number_of_replicas\":0").doesNotContain("\"number_of_replicas\":1");
        assertThat(calls(Synth.prod())).contains("\"number_of_replicas\":1").doesNotContain("\"number_of_replicas\":0");
    }

    @Test
    void function_runsInTheVpcAsTheDomainsMasterRole_withItsOwnLogRetention() {
        dev().hasResourceProperties(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "Runtime", "nodejs22.x",
                                "Handler", "index.handler",
                                "Code", Map.of("ZipFile", Match.stringLikeRegexp("[\\s\\S]*AWS4-HMAC-SHA256[\\s\\S]*")),
                                "Role", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SearchAdminRole.*")),
                                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", Match.anyValue())))));
        dev().hasResourceProperties(
                        "AWS::Logs::LogGroup",
                        Match.objectLike(Map.of(
                                "LogGroupName", "/aws/lambda/pulse-dev-search-bootstrap", "RetentionInDays", 7)));
    }

    @Test
    void masterRole_isAssumableByLambdaAndByTheAccountsAdmins() {
        Synth.dev()
                .template("Search")
                .hasResourceProperties(
                        "AWS::IAM::Role",
                        Match.objectLike(Map.of(
                                "RoleName",
                                "pulse-dev-search-admin",
                                "AssumeRolePolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(Map.of("Principal", Map.of("AWS", Match.anyValue()))),
                                                Match.objectLike(Map.of(
                                                        "Principal", Map.of("Service", "lambda.amazonaws.com"))))))))));
    }

    @Test
    void givenTheAliasExists_theBootstrapNeitherRecreatesTheIndexNorRepointsTheAlias(@TempDir Path dir)
            throws Exception {
        String calls = Json.write(SearchCalls.json(
                SearchCalls.of(PulseTopology.define(), 0, fn -> "arn:aws:iam::123456789012:role/" + fn)));
        Path code = Files.writeString(dir.resolve("index.js"), SearchBootstrapStack.source());
        Path event = Files.writeString(
                dir.resolve("event.json"),
                Json.write(Map.of(
                        "RequestType", "Update",
                        "ResponseURL", "https://cfn.example/response",
                        "ResourceProperties", Map.of("Calls", calls))));

        String fresh = bootstrapRequests(code, event, "");
        String migrated = bootstrapRequests(code, event, "/_alias/pages");

        assertThat(fresh).contains("HEAD /_alias/pages", "PUT /pages-v2", "PUT /pages-v2/_alias/pages");
        assertThat(migrated)
                .contains("HEAD /_alias/pages", "PUT /_index_template/posts", "PUT /response")
                .doesNotContain("PUT /pages-v2");
    }

    /** Runs the custom resource's handler under node with https stubbed; returns the requests it made. */
    private static String bootstrapRequests(Path code, Path event, String existingPath) throws Exception {
        String script = "const https=require('https'),EE=require('events'),fs=require('fs'),seen=[];"
                + "https.request=(o,cb)=>{const r=new EE();r.setTimeout=()=>{};r.write=()=>{};"
                + "r.end=()=>{seen.push(o.method+' '+o.path);const res=new EE();"
                + "res.statusCode=o.method==='HEAD'?(o.path===process.argv[3]?200:404):200;cb(res);"
                + "setImmediate(()=>res.emit('end'))};return r};"
                + "Object.assign(process.env,{ENDPOINT:'search.example',AWS_REGION:'us-east-1',"
                + "AWS_ACCESS_KEY_ID:'AKID',AWS_SECRET_ACCESS_KEY:'secret'});"
                + "require(process.argv[1]).handler(JSON.parse(fs.readFileSync(process.argv[2],'utf8')))"
                + ".then(()=>console.log('REQUESTS '+JSON.stringify(seen)));";
        Process node = new ProcessBuilder("node", "-e", script, code.toString(), event.toString(), existingPath)
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes());
        assertThat(output).contains("REQUESTS ");
        return output.substring(output.indexOf("REQUESTS "));
    }

    @Test
    void inlineSigner_producesAwsSigV4TestSuiteSignature(@TempDir Path dir) throws Exception {
        Path code = Files.writeString(dir.resolve("index.js"), SearchBootstrapStack.source());
        // AWS SigV4 test suite, case get-vanilla: known credentials, date, host and expected signature.
        String script = "const b=require(process.argv[1]);const h=b.sign('GET','example.amazonaws.com','/','',"
                + "'20150830T123600Z','us-east-1','service',{key:'AKIDEXAMPLE',"
                + "secret:'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'});console.log(h.authorization);";
        Process node = new ProcessBuilder("node", "-e", script, code.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes()).trim();
        assertThat(output)
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }
}
