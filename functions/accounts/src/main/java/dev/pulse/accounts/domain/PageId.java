package dev.pulse.accounts.domain;

/** A page of the social network, by its numeric id (kept as text, as the pages index does). */
public record PageId(String value) {
    public PageId {
        if (value == null || !value.matches("[0-9]{1,32}")) {
            throw new InvalidInputException("pageId", "must be 1-32 digits");
        }
    }
}
