package avmon.core.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What turning decoded pictures into analysis frames costs: decodes one input with {@link DecodeFloor}
 * (decoding only) and with {@link FfmpegMediaStream} (thumbnails and float audio), alternating the two,
 * and prints pictures per second of each and their ratio, from the decoding thread's CPU time (steadier
 * than wall time on a shared machine) and from wall time.
 *
 * <pre>java -cp cli/target/avmon.jar avmon.core.media.FramePathBenchmark SOURCE [ROUNDS]</pre>
 */
public final class FramePathBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FramePathBenchmark() {
    }

    public static void main(String[] args) throws MediaException {
        if (args.length < 1) {
            System.err.println("usage: FramePathBenchmark SOURCE [ROUNDS]");
            System.exit(2);
        }
        String source = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Kind[] kinds = Kind.values();
        for (Kind kind : kinds) {
            kind.run(source);   // warm-up
        }
        List<List<double[]>> runs = new ArrayList<>();
        for (Kind ignored : kinds) {
            runs.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < kinds.length; k++) {
                int kind = (k + r) % kinds.length;   // rotate the order so a slow patch hits all alike
                runs.get(kind).add(kinds[kind].run(source));
            }
        }
        double floorCpu = median(runs.get(0), 0);
        double floorWall = median(runs.get(0), 1);
        System.out.printf(Locale.ROOT, "%-28s %12s %12s %10s%n", source, "cpu fps", "wall fps", "cpu ratio");
        for (int k = 0; k < kinds.length; k++) {
            double cpu = median(runs.get(k), 0);
            double wall = median(runs.get(k), 1);
            System.out.printf(Locale.ROOT, "%-28s %12.1f %12.1f %10.3f%n", kinds[k].label, cpu, wall, floorCpu / cpu);
        }
        System.out.printf(Locale.ROOT, "(ratio = time per picture against decoding alone; wall ratio of the last %.3f)%n",
                floorWall / median(runs.get(kinds.length - 1), 1));
    }

    private static double median(List<double[]> runs, int field) {
        double[] values = runs.stream().mapToDouble(r -> r[field]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The ways of reading the input that are compared. */
    private enum Kind {
        FLOOR("decode only (video+audio)"),
        PICTURES("analysis frames, no audio"),
        FRAMES_AND_AUDIO("analysis frames + audio");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Pictures per second by CPU time and by wall time. */
        double[] run(String source) throws MediaException {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long pictures = this == FLOOR ? DecodeFloor.decode(source, true).pictures() : readAll(source);
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            return new double[] {pictures * 1e9 / cpu, pictures * 1e9 / wall};
        }

        private long readAll(String source) throws MediaException {
            long pictures = 0;
            MediaOptions options = MediaOptions.defaults().withAudio(this == FRAMES_AND_AUDIO);
            try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
                for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                    if (s instanceof AnalysisFrame) {
                        pictures++;
                    }
                }
            }
            return pictures;
        }
    }
}
