package avmon.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    @Test
    void from_fullEnvironment_readsEveryValue() {
        FunctionSettings s = FunctionSettings.from(Map.of("AWS_REGION", "eu-west-1", "FRAMES_BUCKET", "frames",
                "ALLOWED_HTTPS_HOSTS", "cdn.example.com, *.media.example.net", "S3_ENDPOINT", "http://127.0.0.1:9000",
                "TOPIC_ARN", "arn:aws:sns:eu-west-1:1:t", "THUMBNAIL_SIZE", "320x180",
                "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "secret"));
        assertEquals("eu-west-1", s.region());
        assertEquals("frames", s.requireFramesBucket());
        assertEquals(Set.of("cdn.example.com", "*.media.example.net"), s.allowedHosts(), "trimmed host list");
        assertEquals(URI.create("http://127.0.0.1:9000"), s.s3Endpoint());
        assertNull(s.snsEndpoint(), "no override: the SDK's endpoint");
        assertEquals(320, s.thumbnailWidth());
        assertEquals(180, s.thumbnailHeight());
        assertFalse(s.toString().contains("secret"), "the secret stays out of logs");
    }

    @Test
    void from_emptyEnvironment_defaultsAndTheBucketIsRequiredOnUse() {
        FunctionSettings s = FunctionSettings.from(Map.of());
        assertEquals(160, s.thumbnailWidth(), "default thumbnail width");
        assertTrue(s.allowedHosts().isEmpty(), "no https host allowed unless listed");
        IllegalStateException e = assertThrows(IllegalStateException.class, s::requireFramesBucket);
        assertTrue(e.getMessage().contains("FRAMES_BUCKET"), e.getMessage());
    }

    @Test
    void from_badValues_namesTheVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FunctionSettings.from(Map.of("THUMBNAIL_SIZE", "big")))
                .getMessage().contains("THUMBNAIL_SIZE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FunctionSettings.from(Map.of("S3_ENDPOINT", "nohost")))
                .getMessage().contains("S3_ENDPOINT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FunctionSettings.from(Map.of("AWS_ACCESS_KEY_ID", "k"))).getMessage().contains("both"));
    }
}
