package dev.pulse.mentions.application;

import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;

/**
 * The port behind which the backend can be swapped: pages whose name starts with the prefix (whole name first, then
 * any word, then one typo from four characters), each tier ordered by fans, no duplicates, at most {@code limit}.
 *
 * @throws DirectoryUnavailableException when the backend cannot answer
 */
public interface PageDirectory {
    Matches find(MentionQuery query);
}
