package dev.pulse.accounts.domain;

import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the account's people see their data: the time zone the web app shows times in (an IANA region such as
 * {@code Europe/Paris}, or {@code UTC}) and the locale it formats numbers and dates with (a BCP 47 tag such as
 * {@code en-US}). Snapshots stay in UTC periods; these change only how they are shown.
 */
public record AccountSettings(String timezone, String locale) {
    /** Read once: every account read builds its settings, and the JDK copies this set on each call. */
    private static final Set<String> REGION_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    static final int MAX_LENGTH = 64;
    public static final AccountSettings DEFAULTS = new AccountSettings("UTC", "en-US");

    public AccountSettings {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        requireZone(timezone);
        requireLocale(locale);
    }

    /** These settings with each given value replaced: a partial update leaves the others as they were. */
    public AccountSettings with(Optional<String> newTimezone, Optional<String> newLocale) {
        return new AccountSettings(newTimezone.orElse(timezone), newLocale.orElse(locale));
    }

    private static void requireZone(String value) {
        Text.require("settings.timezone", value, MAX_LENGTH);
        // Region ids only: a fixed offset ("+02:00") ignores daylight saving, which is what a customer's zone has.
        if (!value.equals("UTC") && !REGION_ZONES.contains(value)) {
            throw new InvalidInputException(
                    "settings.timezone", "must be an IANA time zone such as Europe/Paris, or UTC");
        }
    }

    private static void requireLocale(String value) {
        Text.require("settings.locale", value, MAX_LENGTH);
        try {
            Locale parsed = new Locale.Builder().setLanguageTag(value).build();
            if (parsed.getLanguage().isEmpty()) {
                throw new InvalidInputException("settings.locale", "must name a language, such as en-US");
            }
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException("settings.locale", "must be a BCP 47 language tag such as en-US");
        }
    }
}
