package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamWildcardPatternsTest {
    @Test
    void starMatchesAnyRunAcrossSegmentsAndQuestionMarkOneCharacter() {
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c")).isTrue();
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::bucket/?", "arn:aws:s3:::bucket/a")).isTrue();
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::bucket/?", "arn:aws:s3:::bucket/ab")).isFalse();
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/a")).isFalse();
    }

    @Test
    void otherCharactersAreLiteralNotRegex() {
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::a.b", "arn:aws:s3:::a.b")).isTrue();
        assertThat(IamWildcardPatterns.matches("arn:aws:s3:::a.b", "arn:aws:s3:::axb")).isFalse();
        assertThat(IamWildcardPatterns.matches("s3:Get[O]bject", "s3:GetObject")).isFalse();
    }

    @Test
    void caseCountsUnlessIgnored() {
        assertThat(IamWildcardPatterns.matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob"))
                .isFalse();
        assertThat(IamWildcardPatterns.matchesIgnoringCase("s3:Get*", "S3:GETOBJECT")).isTrue();
        assertThat(IamWildcardPatterns.matchesIgnoringCase("s3:Get*", "s3:PutObject")).isFalse();
    }
}
