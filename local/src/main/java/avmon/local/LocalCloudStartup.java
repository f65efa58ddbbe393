package avmon.local;

import avmon.local.s3.S3Storage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures how long the local cloud takes to start, so the figure in the README is a measurement:
 * the first start in a fresh JVM (class loading included) against later starts in the same JVM.
 *
 * <pre>java -cp cli/target/avmon.jar avmon.local.LocalCloudStartup [REPEATS]</pre>
 */
public final class LocalCloudStartup {

    private LocalCloudStartup() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (repeats < 1) {
            throw new IllegalArgumentException("REPEATS must be at least 1: " + repeats);
        }
        PrintStream out = System.out;
        double first = millisToStart(LocalCloud.builder().s3(S3Storage.inMemory()).sns().lambda());
        double[] later = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            later[i] = millisToStart(LocalCloud.builder().s3(S3Storage.inMemory()).sns().lambda());
        }
        double s3 = millisToStart(LocalCloud.builder().s3(S3Storage.inMemory()));
        double snsAndLambda = millisToStart(LocalCloud.builder().sns().lambda());
        Arrays.sort(later);
        double median = later[repeats / 2];
        out.printf(Locale.ROOT, "S3 + SNS + Lambda, first start in this JVM: %8.1f ms (baseline)%n", first);
        out.printf(Locale.ROOT, "S3 + SNS + Lambda, median of %d later:      %8.1f ms (%.3fx baseline)%n", repeats,
                median, median / first);
        out.printf(Locale.ROOT, "S3 alone, warm:                             %8.1f ms (%.3fx baseline)%n", s3,
                s3 / first);
        out.printf(Locale.ROOT, "SNS + Lambda alone, warm:                   %8.1f ms (%.3fx baseline)%n",
                snsAndLambda, snsAndLambda / first);
    }

    private static double millisToStart(LocalCloud.Builder builder) {
        long start = System.nanoTime();
        LocalCloud cloud = builder.start();
        double millis = (System.nanoTime() - start) / 1e6;
        cloud.close();
        return millis;
    }
}
