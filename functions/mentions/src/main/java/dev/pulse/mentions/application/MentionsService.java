package dev.pulse.mentions.application;

import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;

/** The use case: suggest pages for what the user has typed so far. */
public final class MentionsService {
    private final PageDirectory directory;

    public MentionsService(PageDirectory directory) {
        this.directory = directory;
    }

    public MentionsResponse suggest(MentionQuery query) {
        Matches matches = directory.find(query);
        return new MentionsResponse(
                query.query(), matches.pages(), matches.source().wireName());
    }
}
