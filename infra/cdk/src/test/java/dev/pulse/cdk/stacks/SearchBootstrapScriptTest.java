package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.search.JsonText;
import dev.pulse.core.topology.search.SearchPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom resource's inline handler, run under node with {@code https} stubbed: which calls it makes, and what it answers. */
class SearchBootstrapScriptTest {
    private static final String ENDPOINT = "search.example";
    private static final String CALLS = SearchPlan.of(
                    PulseTopology.define(), SearchPlan.Target.aws(0, fn -> "arn:aws:iam::123456789012:role/" + fn))
            .toJson();
    private static final String STUB = "const https=require('https'),EE=require('events'),fs=require('fs');"
            + "const [code,eventFile,existing,failing]=process.argv.slice(1);"
            + "https.request=(o,cb)=>{const r=new EE();let b='';r.setTimeout=()=>{};r.write=(x)=>{b+=x};"
            + "r.end=()=>{console.log(o.path==='/response'?'ANSWER '+b:'REQUEST '+o.method+' '+o.host+o.path);"
            + "const res=new EE();res.statusCode=o.method==='HEAD'?(o.path===existing?200:404)"
            + ":(o.path===failing?403:200);cb(res);setImmediate(()=>{"
            + "if(res.statusCode===403)res.emit('data','{\"message\":\"no permissions\"}');res.emit('end')})};return r};"
            + "Object.assign(process.env,{AWS_REGION:'us-east-1',AWS_ACCESS_KEY_ID:'AKID',AWS_SECRET_ACCESS_KEY:'secret'});"
            + "require(code).handler(JSON.parse(fs.readFileSync(eventFile,'utf8')))"
            + ".then(()=>console.log('OUTCOME resolved'),(e)=>console.log('OUTCOME rejected: '+e.message));";

    @TempDir
    Path dir;

    /** The requests the handler made (method, host and path), its answer to CloudFormation, and how it returned. */
    record Run(List<String> requests, String answer, String outcome) {}

    private Run run(String requestType, String existingPath, String failingPath) throws Exception {
        Path code = Files.writeString(dir.resolve("index.js"), SearchBootstrapStack.source());
        Path event = Files.writeString(
                dir.resolve("event.json"),
                JsonText.object(
                        "RequestType", JsonText.string(requestType),
                        "ResponseURL", JsonText.string("https://cfn.example/response"),
                        "ResourceProperties",
                                JsonText.object(
                                        "Endpoint", JsonText.string(ENDPOINT), "Calls", JsonText.string(CALLS))));
        Process node = new ProcessBuilder(
                        "node", "-e", STUB, code.toString(), event.toString(), existingPath, failingPath)
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> requests = new ArrayList<>();
        String answer = null;
        String outcome = null;
        for (String line : new String(node.getInputStream().readAllBytes()).split("\n")) {
            if (line.startsWith("REQUEST ")) {
                requests.add(line.substring("REQUEST ".length()));
            } else if (line.startsWith("ANSWER ")) {
                answer = line.substring("ANSWER ".length());
            } else if (line.startsWith("OUTCOME ")) {
                outcome = line.substring("OUTCOME ".length());
            }
        }
        assertThat(answer).as("the handler answers CloudFormation").isNotNull();
        return new Run(requests, answer, outcome);
    }

    @Test
    void givenAFreshDomain_everyCallRunsInOrderOnTheEndpointProperty_andTheResourceSucceeds() throws Exception {
        Run run = run("Create", "", "");

        assertThat(run.requests())
                .containsExactly(
                        "HEAD search.example/_alias/pages",
                        "PUT search.example/pages-v2",
                        "HEAD search.example/_alias/pages",
                        "PUT search.example/pages-v2/_alias/pages",
                        "PUT search.example/_index_template/posts",
                        "PUT search.example/_plugins/_security/api/roles/pulse_ingest",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_ingest",
                        "PUT search.example/_plugins/_security/api/roles/pulse_mentions",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_mentions",
                        "PUT search.example/_plugins/_security/api/roles/pulse_accounts",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_accounts",
                        "PUT search.example/_plugins/_security/api/roles/pulse_hourly_snapshots",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_hourly_snapshots",
                        "PUT search.example/_plugins/_security/api/roles/pulse_daily_snapshots",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_daily_snapshots",
                        "PUT search.example/_plugins/_security/api/roles/pulse_retention",
                        "PUT search.example/_plugins/_security/api/rolesmapping/pulse_retention");
        assertThat(run.answer()).contains("\"Status\":\"SUCCESS\"", "\"Reason\":\"ok\"");
        assertThat(run.outcome()).isEqualTo("resolved");
    }

    @Test
    void givenTheAliasExists_theBootstrapNeitherRecreatesTheIndexNorRepointsTheAlias() throws Exception {
        Run run = run("Update", "/_alias/pages", "");

        assertThat(run.requests())
                .contains("HEAD search.example/_alias/pages", "PUT search.example/_index_template/posts")
                .noneMatch(r -> r.startsWith("PUT search.example/pages-v2"));
        assertThat(run.answer()).contains("\"Status\":\"SUCCESS\"");
    }

    @Test
    void givenAFailingCall_theResourceFailsNamingTheCallAndStatus_laterCallsDoNotRun_andTheFunctionErrs()
            throws Exception {
        Run run = run("Update", "", "/_index_template/posts");

        assertThat(run.requests())
                .endsWith("PUT search.example/_index_template/posts")
                .noneMatch(r -> r.contains("_plugins"));
        assertThat(run.answer())
                .contains("\"Status\":\"FAILED\"", "PUT /_index_template/posts: HTTP 403", "no permissions");
        assertThat(run.outcome()).startsWith("rejected: PUT /_index_template/posts");
    }

    @Test
    void onDelete_theDomainIsLeftAlone_andTheResourceSucceeds() throws Exception {
        Run run = run("Delete", "", "/_index_template/posts");

        assertThat(run.requests()).isEmpty();
        assertThat(run.answer()).contains("\"Status\":\"SUCCESS\"");
        assertThat(run.outcome()).isEqualTo("resolved");
    }

    @Test
    void inlineSigner_producesAwsSigV4TestSuiteSignature() throws Exception {
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
