package dev.pulse.mentions.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link PageDirectory} must do, whatever its backend. Each adapter extends this with a way to build itself
 * over {@link ContractPages#ALL}; a backend swap is safe when the new adapter passes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PageDirectoryContract {
    private PageDirectory directory;

    /** A directory holding exactly these pages, ready to query. */
    protected abstract PageDirectory createDirectory(List<PageSummary> pages) throws Exception;

    protected void dispose() throws Exception {}

    @BeforeAll
    void setUpDirectory() throws Exception {
        directory = createDirectory(ContractPages.ALL);
    }

    @AfterAll
    void tearDownDirectory() throws Exception {
        dispose();
    }

    protected List<String> ids(String q) {
        return ids(q, 8);
    }

    protected List<String> ids(String q, int limit) {
        return directory.find(MentionQuery.of(q, limit)).pages().stream()
                .map(PageSummary::pageId)
                .toList();
    }

    @Test
    void givenWordInsideName_whenPrefixTyped_thenFound() {
        assertThat(ids("york")).contains("nyt", "yorker", "minster").doesNotContain("newark");
    }

    @Test
    void givenWholeNamePrefix_whenTyped_thenRanksBeforeMorePopularWordMatches() {
        assertThat(ids("york")).first().isEqualTo("minster");
    }

    @Test
    void givenSameMatchQuality_whenRanked_thenMorePopularFirst() {
        assertThat(ids("new")).containsExactly("nyt", "newark", "yorker");
        assertThat(ids("star")).startsWith("starbucks", "star");
    }

    @Test
    void givenMultiWordPrefix_whenTyped_thenEveryWordMustMatch() {
        assertThat(ids("new yo")).startsWith("nyt").contains("yorker").doesNotContain("yoga", "newark");
    }

    @Test
    void givenAnyCase_whenTyped_thenSameAnswer() {
        assertThat(ids("NEW YORK")).isEqualTo(ids("new york")).first().isEqualTo("nyt");
    }

    @Test
    void givenAccentsOrNot_whenTyped_thenSameAnswer() {
        assertThat(ids("cafe")).containsExactly("tacuba", "cafeteria");
        assertThat(ids("Café")).containsExactly("tacuba", "cafeteria");
        assertThat(ids("jurgen")).containsExactly("klopp");
        assertThat(ids("JÜRGEN KL")).containsExactly("klopp");
    }

    @Test
    void givenOneTypoFromFourCharacters_whenTyped_thenStillFound() {
        assertThat(ids("starbuks")).first().isEqualTo("starbucks");
        assertThat(ids("nkie")).contains("nike");
        assertThat(ids("new yrok")).contains("nyt");
    }

    @Test
    void givenTypoInShortPrefix_whenTyped_thenNotTolerated() {
        assertThat(ids("nk")).isEmpty();
        assertThat(ids("yrk")).isEmpty();
    }

    @Test
    void givenExactMatches_whenTypoMatchesToo_thenExactFirst() {
        assertThat(ids("nint")).first().isEqualTo("nintendo");
    }

    @Test
    void givenOtherScripts_whenTyped_thenFound() {
        assertThat(ids("моск")).containsExactly("moscow");
        assertThat(ids("МОСКВА")).containsExactly("moscow");
        assertThat(ids("новос")).containsExactly("moscow");
        assertThat(ids("東京")).first().isEqualTo("tokyo");
        assertThat(ids("مرحبا")).containsExactly("marhaba");
        assertThat(ids("بكم")).containsExactly("marhaba");
        assertThat(ids("서울")).containsExactly("seoul");
        assertThat(ids("🍕")).containsExactly("pizza");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"*", "?", "~", "^", "\"", "(", ")", "[", "]", "{", "}", ":", "/", "\\", "n*", "*york*", ".*"})
    void givenQuerySyntaxCharacters_whenTyped_thenTakenLiterally(String typed) {
        assertThatNoException().isThrownBy(() -> ids(typed));
        // A wildcard or regex would match everything; taken literally these match no page name.
        assertThat(ids(typed, 20)).hasSizeLessThan(ContractPages.ALL.size() / 2);
    }

    @Test
    void givenSpecialCharactersInName_whenTypedLiterally_thenFound() {
        assertThat(ids("c++")).first().isEqualTo("cpp");
        assertThat(ids("(york)")).contains("minster");
        assertThat(ids("*")).isEmpty();
    }

    @Test
    void givenManyMatches_whenLimited_thenAtMostLimitAndNoDuplicates() {
        List<String> found = ids("n", 3);
        assertThat(found).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids("new york", 20)).doesNotHaveDuplicates();
        assertThat(ids("n", 20)).doesNotHaveDuplicates();
    }

    @Test
    void givenNoMatch_whenTyped_thenEmpty() {
        assertThat(ids("zzqqxx")).isEmpty();
    }

    @Test
    void givenMatch_whenFound_thenPageFieldsComplete() {
        PageSummary nike = directory.find(MentionQuery.of("nike", 1)).pages().getFirst();
        assertThat(nike)
                .isEqualTo(ContractPages.ALL.stream()
                        .filter(p -> p.pageId().equals("nike"))
                        .findFirst()
                        .orElseThrow());
    }
}
