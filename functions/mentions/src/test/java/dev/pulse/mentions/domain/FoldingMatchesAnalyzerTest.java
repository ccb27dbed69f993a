package dev.pulse.mentions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.text.TextFolding;
import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cache key (TextFolding) and the index term (lowercase + asciifolding) must fold a name the same way. */
class FoldingMatchesAnalyzerTest {
    private static final Analyzer INDEX_FOLDING = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Café Tacuba",
                "JÜRGEN KLOPP",
                "Straße",
                "Ørsted Łódź",
                "Ærø Œuvre Þórr",
                "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ",
                "ĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž",
                "Ṁṃ Ẁẁ Ẽẽ Ỳỳ Ạạ Ệệ",
                "Москва Й ё",
                "東京タワー",
                "مرحبا بكم",
                "서울",
                "Pizza 🍕",
                "ＡＢＣ１２３",
                "İstanbul"
            })
    void givenName_whenFoldedBothWays_thenEqual(String name) throws IOException {
        assertThat(TextFolding.fold(name)).isEqualTo(analyse(name));
    }

    private static String analyse(String text) throws IOException {
        try (TokenStream stream = INDEX_FOLDING.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            StringBuilder out = new StringBuilder();
            while (stream.incrementToken()) {
                out.append(term);
            }
            stream.end();
            return out.toString();
        }
    }
}
