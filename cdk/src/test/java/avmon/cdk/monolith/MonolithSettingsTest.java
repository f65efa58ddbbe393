package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.context.ContextValues;
import avmon.cdk.context.InvalidContextException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.services.logs.RetentionDays;

class MonolithSettingsTest {

    private static MonolithSettings from(Map<String, Object> values) {
        return MonolithSettings.from(new ContextValues(new App(AppProps.builder().context(values).build()).getNode()),
                RetentionDays.ONE_WEEK);
    }

    @Test
    void detectorGroups_unknownDetector_namesTheKnownOnes() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> from(Map.of("detectorGroups", "freeze;smoke")));
        assertTrue(e.getMessage().contains("smoke") && e.getMessage().contains("freeze"), e.getMessage());
    }

    @Test
    void detectorGroups_emptyGroup_refused() {
        assertThrows(InvalidContextException.class, () -> from(Map.of("detectorGroups", "freeze;;black")));
    }

    @Test
    void detectorGroups_unset_oneGroupOfAll() {
        assertEquals(List.of(List.of()), from(Map.of()).detectorGroups(), "every copy runs every detector");
    }

    @Test
    void streams_localFileOrNoId_refused() {
        assertThrows(InvalidContextException.class, () -> from(Map.of("streams", "cam=/data/cam.ts")), "local path");
        assertThrows(InvalidContextException.class, () -> from(Map.of("streams", "https://example.com/a.m3u8")), "no id");
    }

    @Test
    void fargateSize_memoryOutsideTheCpusRange_refused() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> from(Map.of("monolithCpu", 1024, "monolithMemoryMb", 1024)));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
        assertThrows(InvalidContextException.class, () -> from(Map.of("monolithCpu", 1000)), "not a Fargate CPU size");
        assertThrows(InvalidContextException.class, () -> from(Map.of("monolithCpu", 2048, "monolithMemoryMb", 4500)),
                "not whole GB");
    }

    @Test
    void fargateSize_validPair_accepted() {
        MonolithSettings s = from(Map.of("monolithCpu", "512", "monolithMemoryMb", "1024"));
        assertEquals(512, s.cpu(), "cpu");
        assertEquals(1024, s.memoryMb(), "memory");
    }

    @Test
    void autoscale_range_parsed() {
        assertEquals(new Sharding.Scaled(2, 5), from(Map.of("autoscale", "2-5")).autoscale(), "copies");
        assertEquals(null, from(Map.of()).autoscale(), "fixed shards unless asked");
    }

    @Test
    void autoscale_badRange_refused() {
        assertThrows(InvalidContextException.class, () -> from(Map.of("autoscale", "4")), "no maximum");
        assertThrows(InvalidContextException.class, () -> from(Map.of("autoscale", "4-2")), "max below min");
        assertThrows(InvalidContextException.class, () -> from(Map.of("autoscale", "0-2")), "no copy");
    }

    @Test
    void autoscale_withShardCount_refusedAsContradictory() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> from(Map.of("autoscale", "1-4", "shardCount", 2)));
        assertTrue(e.getMessage().contains("shardCount"), e.getMessage());
    }

    @Test
    void streams_s3WithoutSourcesBucket_refused() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> from(Map.of("streams", "cam=s3://b-1/streams/cam/index.m3u8")));
        assertTrue(e.getMessage().contains("sourcesBucket"), e.getMessage());
    }

    @Test
    void streams_s3OutsideSourcesPrefixOrBucket_refused() {
        assertThrows(InvalidContextException.class, () -> from(Map.of("sourcesBucket", "b-1",
                "streams", "cam=s3://b-1/private/cam/index.m3u8")), "outside the prefix");
        assertThrows(InvalidContextException.class, () -> from(Map.of("sourcesBucket", "b-1",
                "streams", "cam=s3://other/streams/cam/index.m3u8")), "another bucket");
        assertThrows(InvalidContextException.class, () -> from(Map.of("sourcesBucket", "B_1")), "not a bucket name");
    }

    @Test
    void streams_s3UnderSourcesPrefix_accepted() {
        MonolithSettings s = from(Map.of("sourcesBucket", "b-1", "streams", "cam=s3://b-1/streams/cam/index.m3u8"));
        assertEquals(new MonolithSettings.S3Sources("b-1", "streams/"), s.sources(), "sources");
    }
}
