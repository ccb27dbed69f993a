package dev.pulse.ingest.application;

import java.util.List;

/** The dead-letter queue for poison records. */
public interface Quarantine {
    /** Sends the entries; returns those that could not be delivered (a transient failure for their records). */
    List<QuarantineEntry> send(List<QuarantineEntry> entries);
}
