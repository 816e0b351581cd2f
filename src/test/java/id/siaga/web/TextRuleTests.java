package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for incoming text: what is refused and where, counted as a person counts characters. */
class TextRuleTests {

    @Test
    void loneSurrogatesNulAndControlCharactersAreRefusedWithTheirPlace() {
        assertThat(TextRule.problem("lone \udfff note")).hasValue("contains a lone UTF-16 surrogate at character 6");
        assertThat(TextRule.problem("\ud800")).hasValue("contains a lone UTF-16 surrogate at character 1");
        assertThat(TextRule.problem("ab\ud800")).as("a high surrogate at the end").hasValue("contains a lone UTF-16 surrogate at character 3");
        assertThat(TextRule.problem("\udc00\ud800")).as("a pair the wrong way round").hasValue("contains a lone UTF-16 surrogate at character 1");
        assertThat(TextRule.problem("a\u0000b")).hasValue("contains a NUL character at character 2");
        assertThat(TextRule.problem("\u001b[31m")).hasValue("contains the control character U+001B at character 1");
        assertThat(TextRule.problem("x\u007f")).as("DEL").hasValue("contains the control character U+007F at character 2");
        assertThat(TextRule.problem("x\u0085")).as("a C1 control").hasValue("contains the control character U+0085 at character 2");
        assertThat(TextRule.problem("🚓\u0000")).as("an emoji counts once").hasValue("contains a NUL character at character 2");
    }

    @Test
    void tabsLineBreaksAndEveryRealCharacterPass() {
        assertThat(TextRule.problem("Baris 1\n\tBaris 2\r\n")).isEmpty();
        assertThat(TextRule.problem("mobil 🚓 di Jl. Malioboro, café, 警察")).isEmpty();
        assertThat(TextRule.problem("")).isEmpty();
    }
}
