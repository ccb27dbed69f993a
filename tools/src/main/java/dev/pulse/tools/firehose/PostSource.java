package dev.pulse.tools.firehose;

import dev.pulse.ingest.domain.kpl.UserRecord;

/** A feed of raw posts, each already keyed by its page id. */
public interface PostSource extends AutoCloseable {
    /** The next record, or null when the feed has ended. */
    UserRecord next() throws InterruptedException;

    @Override
    default void close() {}
}
