package dev.pulse.reporting.application;

import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every account's tracked pages. */
public interface AccountPages {
    /** Account id to its page ids, both in id order; an account tracking nothing is absent. */
    SortedMap<String, List<String>> all();

    /** The tracked pages of some accounts (a shard's), in the same shape; one tracking nothing is absent. */
    default SortedMap<String, List<String>> of(Collection<String> accounts) {
        SortedMap<String, List<String>> some = new TreeMap<>(all());
        some.keySet().retainAll(accounts);
        return some;
    }
}
