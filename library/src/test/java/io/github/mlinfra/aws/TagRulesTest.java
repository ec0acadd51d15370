package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRulesTest {
    @Test
    void keysAre1To128CharactersOfTheAlphabetWithoutTheAwsPrefix() {
        assertThat(TagRules.keyProblem("team")).isEmpty();
        assertThat(TagRules.keyProblem("mlinfra:waiver:MLI-S3-11")).isEmpty();
        assertThat(TagRules.keyProblem("k".repeat(128))).isEmpty();
        assertThat(TagRules.keyProblem("k".repeat(129))).contains("tag key longer than 128 characters (129)");
        assertThat(TagRules.keyProblem("")).contains("empty tag key");
        assertThat(TagRules.keyProblem("aws:owner")).hasValueSatisfying(p -> assertThat(p).contains("aws:"));
        assertThat(TagRules.keyProblem("AWS:owner")).isPresent();
        assertThat(TagRules.keyProblem("team;ops")).isPresent();
        assertThat(TagRules.keyProblem("Kostenstelle Zürich")).isEmpty();
    }

    @Test
    void valuesAreAtMost256CharactersOfTheAlphabetAndCloudTrailRefusesEmpty() {
        assertThat(TagRules.valueProblem(TagRules.Service.S3, "")).isEmpty();
        assertThat(TagRules.valueProblem(TagRules.Service.CLOUDTRAIL, "")).isPresent();
        assertThat(TagRules.valueProblem(TagRules.Service.CLOUDTRAIL, "x")).isEmpty();
        assertThat(TagRules.valueProblem(TagRules.Service.S3, "v".repeat(256))).isEmpty();
        assertThat(TagRules.valueProblem(TagRules.Service.S3, "v".repeat(257))).isPresent();
        for (String bad : new String[] {"a;b", "a,b", "(a)", "a…", "a\nb", "a*b", "a#b"}) {
            for (TagRules.Service s : TagRules.Service.values()) {
                assertThat(TagRules.valueProblem(s, bad)).as("%s on %s", bad, s).isPresent();
            }
        }
        assertThat(TagRules.valueProblem("_ . : / = + - @ letters Ωß 123")).isEmpty();
    }

    @Test
    void atMost50TagsPerResource() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            tags.put("k" + i, "v");
        }
        assertThat(TagRules.problem(TagRules.Service.EC2, tags)).isEmpty();
        tags.put("one-more", "v");
        assertThat(TagRules.problem(TagRules.Service.EC2, tags)).contains("51 tags, more than the 50 AWS allows on one resource");
    }

    @Test
    void everyServiceNamesItsSource() {
        for (TagRules.Service s : TagRules.Service.values()) {
            assertThat(s.source()).startsWith("https://docs.aws.amazon.com/");
        }
    }
}
