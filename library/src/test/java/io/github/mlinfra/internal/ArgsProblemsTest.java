package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.kms.ManagedKeyArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@code build()} reports every problem of the args in one {@link InvalidArgsException}, one
 * line per attribute in the project's format, as CDK does for bucket names.
 */
class ArgsProblemsTest {

    @Test
    void threeProblemsAreThreeLines() {
        var e = assertThrows(InvalidArgsException.class, () -> ManagedKeyArgs.builder()
                .alias("not-an-alias")
                .rotationPeriodDays(10)
                .deletionWindowDays(3)
                .build());
        assertThat(e.problems()).extracting(InvalidArgsException.Problem::argument).containsExactly(
                "ManagedKeyArgs.alias", "ManagedKeyArgs.rotationPeriodDays", "ManagedKeyArgs.deletionWindowDays");
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "ManagedKeyArgs.alias: malformed; got \"not-an-alias\"; expected \"alias/<name>\" (letters, digits, / _ -; not alias/aws/)",
                "ManagedKeyArgs.rotationPeriodDays: outside the allowed range; got 10; expected 90 to 2560 days",
                "ManagedKeyArgs.deletionWindowDays: outside the allowed range; got 3; expected 7 to 30 days"));
        assertThat(e.argument()).isEqualTo("ManagedKeyArgs.alias");
        assertThat(e.getMessage().lines()).allMatch(l -> l.matches("ManagedKeyArgs\\.[a-zA-Z]+: .+; got .+; expected .+"));
    }

    @Test
    void oneLinePerAttributeTheFirstProblemFound() {
        // 3 days is both outside 7..30 and shorter than 30 without a waiver: the first is reported
        var e = assertThrows(InvalidArgsException.class, () -> ManagedKeyArgs.builder().deletionWindowDays(3).build());
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).startsWith("ManagedKeyArgs.deletionWindowDays: outside the allowed range");
    }

    @Test
    void failThrowsOutsideABuild() {
        assertThatThrownBy(() -> Check.fail("X.y", "wrong", 1, "2")).isInstanceOf(InvalidArgsException.class)
                .hasMessage("X.y: wrong; got 1; expected 2");
    }

    @Test
    void aConsequenceOfARecordedProblemIsDropped() {
        var e = assertThrows(InvalidArgsException.class, () -> Check.build("Holder", () -> {
            String v = null;
            Check.notBlank("Holder.value", v);
            return v.length(); // what a check that goes on after a problem may run into
        }));
        assertThat(e.getMessage()).isEqualTo("Holder.value: must not be empty; got null; expected a non-empty value");
    }

    @Test
    void aDefectWithNoProblemRecordedPropagates() {
        assertThatThrownBy(() -> Check.build("Holder", () -> List.of().get(0)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void nestedBuildsKeepTheirOwnProblems() {
        var e = assertThrows(InvalidArgsException.class, () -> Check.build("Outer", () -> {
            Check.fail("Outer.a", "wrong", 1, "2");
            try {
                Check.build("Inner", () -> {
                    Check.fail("Inner.b", "wrong", 3, "4");
                    return 0;
                });
            } catch (InvalidArgsException inner) {
                assertThat(inner.problems()).extracting(InvalidArgsException.Problem::argument).containsExactly("Inner.b");
            }
            return 0;
        }));
        assertThat(e.problems()).extracting(InvalidArgsException.Problem::argument).containsExactly("Outer.a");
        // and after the build, fail throws again on this thread
        assertThatThrownBy(() -> Check.fail("X.y", "wrong", 1, "2")).isInstanceOf(InvalidArgsException.class);
    }
}
