package nl.zorgtafel.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormaliserTest {

    @Test
    void diacriticsAndCaseAreFolded() {
        assertThat(NameNormaliser.fold("Zoë Çelik-Brontë")).isEqualTo("zoe celik-bronte");
        assertThat(NameNormaliser.fold("ANDRÉ")).isEqualTo("andre");
    }

    @Test
    void lettersThatDoNotDecomposeAreSpelledOut() {
        assertThat(NameNormaliser.fold("Øster Straße Łucja Æbelø")).isEqualTo("oster strasse lucja aebelo");
    }

    @Test
    void curlyApostrophesAreOneApostrophe() {
        assertThat(NameNormaliser.words("van ’t Hof")).containsExactly("van", "'t", "hof");
    }

    @Test
    void dutchPrefixesAreSetApartFromTheFamilyName() {
        assertThat(NameNormaliser.normalise("Lisa", "de Vries").familyKey()).isEqualTo("vries");
        assertThat(NameNormaliser.normalise("Bram", "van der Berg").familyKey()).isEqualTo("berg");
        assertThat(NameNormaliser.normalise("Bram", "van den Berg").familyKey()).isEqualTo("berg");
        assertThat(NameNormaliser.normalise("Sem", "ter Horst").familyKey()).isEqualTo("horst");
        assertThat(NameNormaliser.normalise("Sem", "ten Cate").familyKey()).isEqualTo("cate");
        assertThat(NameNormaliser.normalise("Fleur", "van 't Hof").familyKey()).isEqualTo("hof");
    }

    @Test
    void aPrefixWrittenAfterTheNameIsAPrefixToo() {
        assertThat(NameNormaliser.normalise("Lisa", "Vries, de").familyKey()).isEqualTo("vries");
        assertThat(NameNormaliser.normalise("Bram", "Berg van der").familyKey()).isEqualTo("berg");
    }

    @Test
    void prefixesWrittenTogetherWithTheNameJoinToTheSameWord() {
        assertThat(NameNormaliser.normalise("Bram", "Vanderberg").familyJoined())
                .isEqualTo(NameNormaliser.normalise("Bram", "van der Berg").familyJoined());
    }

    @Test
    void foreignParticlesAndTheArabicArticleArePrefixes() {
        assertThat(NameNormaliser.normalise("Samira", "El Idrissi").familyKey()).isEqualTo("idrissi");
        assertThat(NameNormaliser.normalise("Luc", "d'Ancona").familyKey()).isEqualTo("ancona");
    }

    @Test
    void aFamilyNameOfOnlyPrefixWordsIsItself() {
        assertThat(NameNormaliser.normalise("Jan", "Van").familyKey()).isEqualTo("van");
    }

    @Test
    void hyphensAndPunctuationSplitWords() {
        assertThat(NameNormaliser.normalise("Anna-Sophie", "Jansen-de Vries").given())
                .containsExactly("anna", "sophie");
        assertThat(NameNormaliser.normalise("Anna-Sophie", "Jansen-de Vries").familyCore())
                .containsExactly("jansen", "vries");
    }

    @Test
    void aNormalisedNameShowsNoName() {
        assertThat(NameNormaliser.normalise("Lisa", "de Vries").toString()).doesNotContain("lisa", "vries");
    }
}
