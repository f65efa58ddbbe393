package avmon.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.aws.lambda.error.ForbiddenSourceException;
import avmon.core.source.SourceFetcher;
import avmon.core.source.SourcePolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedSourceFetcherTest {

    private final List<URI> fetched = new ArrayList<>();
    private final SourceFetcher recording = uri -> {
        fetched.add(uri);
        return new byte[] {1};
    };
    private final AllowedSourceFetcher fetcher = new AllowedSourceFetcher(
            new SourcePolicy("frames", Set.of(), false), recording, recording);

    @Test
    void fetch_ownBucket_delegates() throws Exception {
        assertArrayEquals(new byte[] {1}, fetcher.fetch(URI.create("s3://frames/streams/a/index.m3u8")));
        assertEquals(1, fetched.size(), "fetched once");
    }

    @Test
    void fetch_outsideThePolicy_refusedWithoutFetching() {
        for (String source : List.of("file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
                "s3://someone-elses/streams/a/index.m3u8", "https://example.com/index.m3u8")) {
            assertThrows(ForbiddenSourceException.class, () -> fetcher.fetch(URI.create(source)), source);
        }
        assertEquals(List.of(), fetched, "nothing was fetched");
    }
}
