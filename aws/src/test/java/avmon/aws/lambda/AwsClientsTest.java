package avmon.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.LocalCredentials;
import avmon.local.s3.S3Server;
import avmon.local.s3.S3Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class AwsClientsTest {

    @Test
    void s3_overriddenEndpoint_putsPlainBodiesTheServerReadsToTheEnd() {
        LocalCredentials credentials = LocalCredentials.DEFAULT;
        List<String> contentEncodings = new ArrayList<>();
        ExecutionInterceptor wire = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                contentEncodings.add(context.httpRequest().firstMatchingHeader("Content-Encoding").orElse("none"));
            }
        };
        try (S3Server server = S3Server.start(S3Storage.inMemory(), credentials)) {
            server.createBucket("frames");
            FunctionSettings settings = FunctionSettings.from(Map.of(FunctionSettings.S3_ENDPOINT,
                    server.endpoint().toString(), FunctionSettings.ACCESS_KEY_ID, credentials.accessKeyId(),
                    FunctionSettings.SECRET_ACCESS_KEY, credentials.secretAccessKey()));
            try (S3Client s3 = new AwsClients(settings, List.of(wire)).s3()) {
                s3.putObject(b -> b.bucket("frames").key("s/0001.jpg"), RequestBody.fromString("jpeg"));

                assertEquals("jpeg", s3.getObjectAsBytes(b -> b.bucket("frames").key("s/0001.jpg")).asUtf8String(),
                        "the object reads back");
            }
        }
        assertTrue(contentEncodings.stream().noneMatch(e -> e.contains("aws-chunked")),
                "no aws-chunked body, which S3Proxy answers before reading to its end: " + contentEncodings);
    }
}
