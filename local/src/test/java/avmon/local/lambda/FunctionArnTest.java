package avmon.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FunctionArnTest {

    @Test
    void parse_fullArnWithQualifier_givesEveryPart() {
        FunctionArn arn = FunctionArn.parse("arn:aws:lambda:us-east-1:123456789012:function:detector:$LATEST");

        assertEquals(new FunctionArn("us-east-1", "123456789012", "detector", "$LATEST"), arn, "parts of the ARN");
    }

    @Test
    void parse_partialArn_givesAccountAndName() {
        FunctionArn arn = FunctionArn.parse("123456789012:function:detector");

        assertEquals(new FunctionArn(null, "123456789012", "detector", null), arn, "parts of a partial ARN");
    }

    @Test
    void parse_plainName_givesName() {
        assertEquals(new FunctionArn(null, null, "detector", null), FunctionArn.parse("detector"), "a plain name");
        assertEquals("prod", FunctionArn.parse("detector:prod").qualifier(), "a name with a qualifier");
    }

    @Test
    void parse_garbage_throwsValidation() {
        LambdaServiceException error = assertThrows(LambdaServiceException.class,
                () -> FunctionArn.parse("arn:aws:s3:::bucket/key"), "an S3 ARN is no function");
        assertEquals("ValidationException", error.errorType(), "error type");
        assertThrows(LambdaServiceException.class, () -> FunctionArn.parse(null), "null is no function");
        assertThrows(LambdaServiceException.class, () -> FunctionArn.parse(""), "empty is no function");
    }
}
