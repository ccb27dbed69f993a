package dev.pulse.local.sqs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.RelaxedSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;

/**
 * ElasticMQ, embedded: an SQS-compatible endpoint on 127.0.0.1 for the dead-letter and on-failure queues. Queue URLs
 * name the loopback address and port, so clients can use them as they come back. With a storage path, queues and
 * messages are kept in an H2 file (ElasticMQ's SQL persistence) and restored on the next start, so dead letters
 * survive a runtime restart as they would survive in SQS.
 */
public final class EmbeddedSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final ActorSystem system;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, ActorSystem system, int port) {
        this.server = server;
        this.system = system;
        this.port = port;
    }

    /** In memory: messages live as long as this server. */
    public static EmbeddedSqs start(int port, String region, String accountId) {
        return start(port, region, accountId, Optional.empty());
    }

    public static EmbeddedSqs start(int port, String region, String accountId, Optional<Path> storage) {
        ActorSystem system = ActorSystem.create("elasticmq");
        var builder = SQSRestServerBuilder.withActorSystem(system)
                .withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(region)
                .withAWSAccountId(accountId);
        Optional<Persistence> persistence = storage.map(path -> persistence(system, path));
        if (persistence.isPresent()) {
            builder = builder.withQueueManagerActor(persistence.get().manager());
        }
        SQSRestServer server = builder.start();
        server.waitUntilStarted();
        persistence.ifPresent(EmbeddedSqs::restore);
        return new EmbeddedSqs(server, system, port);
    }

    /** ElasticMQ's queue manager, reporting every queue and message change to an H2-backed store. */
    private record Persistence(ActorRef store, ActorRef manager) {}

    private static Persistence persistence(ActorSystem system, Path path) {
        SqlQueuePersistenceConfig config =
                new SqlQueuePersistenceConfig(true, "org.h2.Driver", "jdbc:h2:" + path.toAbsolutePath(), "", "", false);
        scala.collection.immutable.List<CreateQueueMetadata> noBaseQueues =
                scala.collection.immutable.List$.MODULE$.empty();
        ActorRef store = system.actorOf(
                Props.create(SqlQueuePersistenceActor.class, () -> new SqlQueuePersistenceActor(config, noBaseQueues)));
        ActorRef manager = system.actorOf(Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), RelaxedSQSLimits$.MODULE$, scala.Option.apply(store))));
        return new Persistence(store, manager);
    }

    private static void restore(Persistence persistence) {
        try {
            Patterns.ask(persistence.store(), new QueueEvent.Restore(persistence.manager()), Duration.ofSeconds(30))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues from storage", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopAndWait();
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
