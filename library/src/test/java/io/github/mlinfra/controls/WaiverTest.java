package io.github.mlinfra.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.TagRules;
import org.junit.jupiter.api.Test;

class WaiverTest {
    static final String WHY = "Scratch bucket (one-day experiment); CloudTrail data events, not S3 logs, cover access…";

    @Test
    void tagValueKeepsAwsTagAlphabetAndDropsEverythingElse() {
        Waiver w = Waiver.of(Control.S3_ACCESS_LOGGING, WHY);
        assertThat(w.tagValue()).isEqualTo("Scratch bucket one-day experiment CloudTrail data events not S3 logs cover access");
        assertThat(TagRules.valueProblem(w.tagValue())).isEmpty();
        // the allowed punctuation, letters of any script and digits stay
        assertThat(Waiver.tagValue("Team ML/Ops: owner=ana@example.com + 2 Zürich-Ω_1.0"))
                .isEqualTo("Team ML/Ops: owner=ana@example.com + 2 Zürich-Ω_1.0");
        // ( ) ; , ! ? " ' * # & … and line breaks go; runs of spaces collapse
        assertThat(Waiver.tagValue("a (b); c,\td\n\n e!? \"f\" 'g' *h* #i & j…")).isEqualTo("a b c d e f g h i j");
    }

    @Test
    void tagValueIsCutAtAWordBoundaryWithoutEllipsis() {
        String word = "abcdefghi ";   // 10 characters
        String text = word.repeat(30).strip();  // 299 characters
        String v = Waiver.tagValue(text);
        assertThat(v.length()).isLessThanOrEqualTo(TagRules.MAX_VALUE_LENGTH).isEqualTo(249);
        assertThat(v).endsWith("abcdefghi").doesNotContain("…");
        assertThat(text).startsWith(v);
        // exactly at the limit: nothing is cut
        String exact = "x".repeat(100) + " " + "y".repeat(155);
        assertThat(Waiver.tagValue(exact)).isEqualTo(exact);
        // one word longer than the limit: cut hard at 256
        assertThat(Waiver.tagValue("z".repeat(300))).hasSize(256);
    }

    @Test
    void tagValueIsNeverEmpty() {
        assertThat(Waiver.tagValue("(((;;;)))!!! ??? ,,, …")).isEqualTo(Waiver.TAG_VALUE_FALLBACK).isEqualTo("waived");
        assertThat(Waiver.tagValue("   ")).isEqualTo("waived");
        assertThat(TagRules.valueProblem(TagRules.Service.CLOUDTRAIL, Waiver.tagValue("!!!"))).isEmpty();
    }

    @Test
    void aJustificationIsASentenceNotFiller() {
        assertThat(Waiver.of(Control.S3_ACCESS_LOGGING, "Scratch bucket, deleted tomorrow.").getJustification())
                .isEqualTo("Scratch bucket, deleted tomorrow.");
        // three real words of three letters, twenty characters: the smallest sentence accepted
        Waiver.of(Control.S3_ACCESS_LOGGING, "Log bucket for logs!");
        assertThatThrownBy(() -> Waiver.of(Control.S3_ACCESS_LOGGING, "a b c d e f g h i j k l"))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("Waiver.justification: too short or filler to justify waiving MLI-S3-11; got \"a b c d e f g h i j k l\";"
                        + " expected a sentence of at least 20 characters with at least 3 words of 3 or more letters");
        assertThatThrownBy(() -> Waiver.of(Control.S3_ACCESS_LOGGING, "a b c d e f")).isInstanceOf(InvalidArgsException.class);
        assertThatThrownBy(() -> Waiver.of(Control.S3_ACCESS_LOGGING, "ok ok ok ok ok ok ok ok ok"))
                .isInstanceOf(InvalidArgsException.class);
        assertThatThrownBy(() -> Waiver.of(Control.S3_ACCESS_LOGGING, "123 456 789 000 111 222"))
                .isInstanceOf(InvalidArgsException.class);
        assertThatThrownBy(() -> Waiver.of(Control.S3_ACCESS_LOGGING, "Too short.")).isInstanceOf(InvalidArgsException.class);
    }
}
