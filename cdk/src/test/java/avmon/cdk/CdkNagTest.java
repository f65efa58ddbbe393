package avmon.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AwsSolutions pack, applied by the app itself, finds no error that is not suppressed with a reason. */
class CdkNagTest {

    @Test
    void serverlessStack_awsSolutionsChecks_noUnsuppressedError() {
        assertNoErrors(SynthesizedApp.get().serverlessAnnotations());
    }

    @Test
    void monolithStack_awsSolutionsChecks_noUnsuppressedError() {
        assertNoErrors(SynthesizedApp.get().monolithAnnotations());
    }

    private static void assertNoErrors(Annotations annotations) {
        List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), errors.stream().map(e -> e.getId() + ": " + e.getEntry().getData())
                .collect(Collectors.toList()), "unsuppressed AwsSolutions errors");
    }
}
