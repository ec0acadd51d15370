package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.aws.SageMakerImages.Family;
import org.junit.jupiter.api.Test;

class SageMakerImagesTest {
    @Test
    void registryAccountsFollowTheRegion() {
        assertThat(SageMakerImages.uri(Family.XGBOOST, "us-east-1", "1.7-1"))
                .isEqualTo("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
        assertThat(SageMakerImages.uri(Family.XGBOOST, "eu-west-1", "1.7-1"))
                .isEqualTo("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1");
        assertThat(SageMakerImages.uri(Family.SCIKIT_LEARN, "eu-west-1", "1.2-1-cpu-py3"))
                .isEqualTo("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3");
        assertThat(SageMakerImages.account(Family.PYTORCH_TRAINING, "eu-west-1")).contains("763104351884");
        // opt-in regions publish the Deep Learning Containers from their own accounts
        assertThat(SageMakerImages.account(Family.TENSORFLOW_TRAINING, "af-south-1")).contains("626614931356");
        assertThat(SageMakerImages.account(Family.SCIKIT_LEARN, "af-south-1")).contains("510948584623");
    }

    @Test
    void everyFamilyCoversTheMainCommercialRegions() {
        for (Family f : Family.values()) {
            assertThat(SageMakerImages.regions(f)).as(f.name())
                    .contains("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2")
                    .allMatch(r -> !r.startsWith("cn-") && !r.startsWith("us-gov-"));
            SageMakerImages.regions(f).forEach(r -> assertThat(SageMakerImages.account(f, r).orElseThrow()).matches("\\d{12}"));
        }
    }

    @Test
    void unknownRegionsAndBadTagsAreRefused() {
        assertThatThrownBy(() -> SageMakerImages.uri(Family.XGBOOST, "cn-north-1", "1.7-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SageMakerImages: XGBOOST is not published in region \"cn-north-1\"");
        assertThatThrownBy(() -> SageMakerImages.uri(Family.XGBOOST, "us-east-1", "1.7 1"))
                .hasMessageStartingWith("SageMakerImages: malformed tag \"1.7 1\"");
        assertThat(SageMakerImages.account(Family.SCIKIT_LEARN, "mx-central-1")).isEmpty();
    }

    @Test
    void theRegionOfAnEcrImage() {
        assertThat(SageMakerImages.ecrRegion("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1"))
                .contains("eu-west-1");
        assertThat(SageMakerImages.ecrRegion("public.ecr.aws/lab/trainer:1")).isEmpty();
    }
}
