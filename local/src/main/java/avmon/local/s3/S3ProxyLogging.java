package avmon.local.s3;

/**
 * Keeps S3Proxy and its shaded Jetty at WARN under slf4j-simple, whose default INFO level would print
 * a few lines for every server started. Levels a user set on the command line are left alone.
 */
final class S3ProxyLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";
    private static final String[] LOGGERS = {"org.gaul", "org.eclipse.jetty"};

    private S3ProxyLogging() {
    }

    static void quiet() {
        for (String logger : LOGGERS) {
            if (System.getProperty(PREFIX + logger) == null) {
                System.setProperty(PREFIX + logger, "warn");
            }
        }
    }
}
