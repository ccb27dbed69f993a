package dev.pulse.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTest {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "tab\there", "bell\u0007"})
    void givenAnEmptyOrControlName_thenRejectedNamingName(String name) {
        assertThatThrownBy(() -> new AccountName(name))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("name");
    }

    @Test
    void givenANameOfExactly100_thenAccepted_and101Rejected() {
        assertThat(new AccountName("é".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new AccountName("x".repeat(101))).hasMessageStartingWith("name:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "-1", "1.5", "123456789012345678901234567890123"})
    void givenANonDigitPageId_thenRejected(String id) {
        assertThatThrownBy(() -> new PageId(id)).hasMessageStartingWith("pageId:");
    }

    @Test
    void givenRolesAndPlans_thenParsedFromTheirWireNames_andOnlyViewersCannotWrite() {
        assertThat(Role.parse("owner")).isEqualTo(Role.OWNER);
        assertThat(Role.parse("viewer").canWrite()).isFalse();
        assertThat(Role.parse("editor").canWrite()).isTrue();
        assertThatThrownBy(() -> Role.parse("admin")).hasMessageStartingWith("role:");
        assertThat(Plan.parse("agency").trackedPagesLimit()).isEqualTo(1_000);
        assertThat(Plan.PRO.trackedPagesLimit()).isEqualTo(100);
    }

    @Test
    void givenAnAccount_whenRenamed_thenTheNextVersion_keepingCreatedAt() {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Account v1 = Account.create(AccountId.random(), new AccountName("A"), t0);

        Account v2 = v1.renamed(new AccountName("B"), t0.plusSeconds(60));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.createdAt()).isEqualTo(t0);
        assertThat(v2.updatedAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(Period.HOUR.key(t0)).isEqualTo("hour#2026-12-01T00:00:00Z");
    }

    @Test
    void givenSettings_thenTheDefaultsAreUtcAndEnUs_andAPartialChangeKeepsTheRest() {
        AccountSettings paris = AccountSettings.DEFAULTS.with(Optional.of("Europe/Paris"), Optional.empty());

        assertThat(AccountSettings.DEFAULTS).isEqualTo(new AccountSettings("UTC", "en-US"));
        assertThat(paris).isEqualTo(new AccountSettings("Europe/Paris", "en-US"));
        assertThat(paris.with(Optional.empty(), Optional.of("fr-FR")))
                .isEqualTo(new AccountSettings("Europe/Paris", "fr-FR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mars/Olympus", "+02:00", "GMT+2", "europe/paris", "Europe/Paris\n"})
    void givenAnUnknownOrFixedOffsetZone_thenRejectedNamingSettingsTimezone(String zone) {
        assertThatThrownBy(() -> new AccountSettings(zone, "en-US"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("settings.timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en_US", "x-private", "not a tag", "toolonglanguage"})
    void givenAMalformedLocale_thenRejectedNamingSettingsLocale(String locale) {
        assertThatThrownBy(() -> new AccountSettings("UTC", locale))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("settings.locale");
    }

    @Test
    void givenAUserIdWithSpacesOrTooLong_thenRejected() {
        assertThatThrownBy(() -> new UserId("a b")).hasMessageStartingWith("userId:");
        assertThatThrownBy(() -> new UserId("u".repeat(129))).hasMessageStartingWith("userId:");
        assertThat(new UserId("4f3c2a10-aaaa-bbbb-cccc-0123456789ab").value()).hasSize(36);
    }
}
