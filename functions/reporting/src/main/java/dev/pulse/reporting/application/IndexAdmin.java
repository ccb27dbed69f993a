package dev.pulse.reporting.application;

import java.util.List;

/** Lists and deletes posts indices. */
public interface IndexAdmin {
    /** The names of the indices matching {@code prefix-*}. */
    List<String> list(String prefix);

    /** Deletes one index by its exact name. */
    void delete(String index);
}
