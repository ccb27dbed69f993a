package dev.pulse.tools.legacy;

import dev.pulse.accounts.adapter.dynamodb.DynamoAccountStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoReportStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoTeamStore;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.topology.LocalPort;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.tools.firehose.CliEnvironment;
import dev.pulse.tools.naive.NaivePageDirectory;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./pulse run} starts this beside the runtime: the v1 stand-in on {@code PULSE_LEGACY_PORT}, over the local
 * platform's pages alias and accounts tables (their physical names are the topology's locally).
 */
public final class V1Command {
    private V1Command() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        PulseConfig config = PulseConfig.fromEnv(env);
        int port = Env.of(env).integer(LocalPort.LEGACY.variable(), LocalPort.LEGACY.defaultPort());
        DynamoDbClient dynamo = new AwsClients(config).dynamoDb();
        V1Server server = new V1Server(over(config, dynamo, PulseTopology.PAGES_ALIAS, Tables.TOPOLOGY));
        server.start(port);
        System.out.println("v1 legacy stand-in listening on " + server.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            dynamo.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The physical names of the tables v1 reads. */
    public record Tables(String accounts, String members, String memberships, String reports) {
        public static final Tables TOPOLOGY = new Tables(
                PulseTopology.ACCOUNTS_TABLE,
                PulseTopology.MEMBERS_TABLE,
                PulseTopology.MEMBERSHIPS_TABLE,
                PulseTopology.REPORTS_TABLE);
    }

    /** The v1 API over the given pages alias and tables. */
    public static V1Api over(PulseConfig config, DynamoDbClient dynamo, String pagesAlias, Tables tables) {
        return new V1Api(
                new NaivePageDirectory(OpenSearchClients.create(config.openSearch()), pagesAlias),
                new DynamoTeamStore(dynamo, tables.members(), tables.memberships()),
                new DynamoAccountStore(dynamo, tables.accounts()),
                new DynamoReportStore(dynamo, tables.reports()),
                Clock.systemUTC());
    }
}
