package dev.pulse.reporting.application;

import java.util.List;
import java.util.SortedMap;

/** Every account's tracked pages. */
public interface AccountPages {
    /** Account id to its page ids, both in id order; an account tracking nothing is absent. */
    SortedMap<String, List<String>> all();
}
