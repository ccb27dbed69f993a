package dev.pulse.tools.migrate;

import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import java.time.Clock;

/**
 * {@code MigratePagesCommand ALIAS NEW_INDEX DEFINITION}, e.g. {@code pages pages-v2 opensearch/pages-v2.json}: moves a
 * live alias to a new index version with zero downtime (see {@link PagesMigration}). Reads the OpenSearch endpoint
 * from the environment like the functions do. The old index is kept: rolling back is the same swap the other way.
 */
public final class MigratePagesCommand {
    private MigratePagesCommand() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: MigratePagesCommand ALIAS NEW_INDEX DEFINITION_RESOURCE");
            System.exit(2);
        }
        var client = OpenSearchClients.create(PulseConfig.fromEnv(Env.system()).openSearch());
        var report =
                new PagesMigration(new PagesIndexAdmin(client), Clock.systemUTC()).migrate(args[0], args[1], args[2]);
        System.out.printf(
                "alias %s: %s -> %s, %d pages copied, %d caught up, in %d ms (old index kept for rollback)%n",
                args[0],
                report.from(),
                report.to(),
                report.copied(),
                report.caughtUp(),
                report.took().toMillis());
    }
}
