package se.kompetensportal.participants.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The usual wordings of questions about special categories of data are caught, everyday questions are not. */
class SensitiveWordsTest {

    @Test
    void catchesHealthOriginBeliefsAndTheLikeInSwedishAndEnglish() {
        assertThat(SensitiveWords.any("Har du någon allergi?")).isTrue();
        assertThat(SensitiveWords.any("Överkänslighet mot något?")).isTrue();
        assertThat(SensitiveWords.any("Vilken tro har du?")).isTrue();
        assertThat(SensitiveWords.any("Etniskt ursprung")).isTrue();
        assertThat(SensitiveWords.any("Är du med i ett fackförbund?")).isTrue();
        assertThat(SensitiveWords.any("Do you have a disability?")).isTrue();
        assertThat(SensitiveWords.any("Are you RELIGIOUS?")).isTrue();
        assertThat(SensitiveWords.any(null, "Any dietary needs?")).isTrue();
    }

    @Test
    void letsEverydayQuestionsThrough() {
        assertThat(SensitiveWords.any("Vilken enhet arbetar du på?")).isFalse();
        assertThat(SensitiveWords.any("Är du sjuksköterska?")).isFalse();
        assertThat(SensitiveWords.any("Vilken rast passar dig?")).isFalse();
        assertThat(SensitiveWords.any("Which partner organisation are you from?")).isFalse();
        assertThat(SensitiveWords.any("Vill du ha intyg på papper?", null)).isFalse();
    }
}
