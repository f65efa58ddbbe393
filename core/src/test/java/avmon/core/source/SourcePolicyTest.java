package avmon.core.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcePolicyTest {

    private final SourcePolicy policy = new SourcePolicy("avmon-media", Set.of("localhost", "*.localhost"), false);

    @Test
    void check_ownBucket_accepted() {
        assertDoesNotThrow(() -> policy.check("s3://avmon-media/streams/s1/index.m3u8"));
    }

    @Test
    void check_forbiddenSources_rejectedBeforeFetch() {
        for (String bad : new String[] {
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data/",
            "https://169.254.169.254/latest/meta-data/",
            "s3://other-bucket/streams/s1/index.m3u8",
            "s3://avmon-media/",
            "https://evil.example/index.m3u8",
            "https://user:pw@localhost/index.m3u8",
            "ftp://localhost/x.ts",
            "not a uri",
            "/tmp/relative.m3u8"}) {
            assertThrows(SourceRejectedException.class, () -> policy.check(bad), bad);
        }
    }

    @Test
    void check_allowedHostResolvingToLoopback_rejectedUnlessLocalRun() {
        assertThrows(SourceRejectedException.class, () -> policy.check("https://localhost/s1/index.m3u8"),
                "an allowed name that resolves to loopback is still a local address");
        SourcePolicy local = new SourcePolicy("avmon-media", Set.of("localhost"), true);
        assertDoesNotThrow(() -> local.check("https://localhost/s1/index.m3u8"));
    }
}
