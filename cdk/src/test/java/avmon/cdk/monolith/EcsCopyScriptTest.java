package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/monolith/avmon-ecs-copy, the auto-scaled copy's entry point, run with bash against stand-ins for the
 * ECS task metadata endpoint (curl), ECS ListTasks (aws) and the monitor: the copy takes its place among the
 * service's tasks as its shard and follows the service as it scales.
 */
class EcsCopyScriptTest {

    private static final Path SCRIPT = Path.of("..", "docker", "monolith", "avmon-ecs-copy");
    private static final String SELF = "arn:aws:ecs:us-east-1:111122223333:task/avmon/bbb";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Path tasks;
    private Path monitorLog;
    private Process copy;

    @BeforeEach
    void standIns() throws IOException {
        tasks = dir.resolve("tasks.txt");
        monitorLog = dir.resolve("monitor.log");
        Files.writeString(monitorLog, "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("curl"), "#!/bin/sh\necho '{\"TaskARN\":\"" + SELF
                + "\",\"Cluster\":\"arn:aws:ecs:us-east-1:111122223333:cluster/avmon\"}'\n");
        // ListTasks as the AWS CLI prints it with --output text: the ARNs on one line, tab-separated.
        executable(bin.resolve("aws"), "#!/bin/sh\n[ -f '" + tasks + "' ] || exit 255\ntr '\\n' '\\t' < '" + tasks + "'\necho\n");
        executable(bin.resolve("fake-monitor"), "#!/bin/sh\necho \"start $*\" >> '" + monitorLog + "'\n"
                + "trap 'echo stop >> \"" + monitorLog + "\"; exit 0' TERM\nwhile true; do sleep 0.1; done\n");
    }

    @AfterEach
    void stop() {
        if (copy != null) {
            // The script's monitor runs in the background: killing bash alone would leave it looping forever.
            copy.descendants().forEach(ProcessHandle::destroyForcibly);
            copy.destroyForcibly();
        }
    }

    @Test
    void copy_thirdOfThreeTasks_monitorsShardOneOfThree() throws Exception {
        tasks(SELF, "arn:aws:ecs:us-east-1:111122223333:task/avmon/ccc", "arn:aws:ecs:us-east-1:111122223333:task/avmon/aaa");
        start("fake-monitor");
        assertEquals(List.of("start --shard 1/3 --plain a=https://example.com/a.m3u8"),
                awaitLog(lines -> lines.size() >= 1), "the monitor runs this task's share, the other arguments kept");
    }

    @Test
    void copy_serviceScalesOut_restartsMonitorWithNewShare() throws Exception {
        tasks(SELF, "arn:aws:ecs:us-east-1:111122223333:task/avmon/ccc");
        start("fake-monitor");
        awaitLog(lines -> lines.size() >= 1);
        tasks(SELF, "arn:aws:ecs:us-east-1:111122223333:task/avmon/ccc", "arn:aws:ecs:us-east-1:111122223333:task/avmon/aaa");
        assertEquals(List.of("start --shard 0/2 --plain a=https://example.com/a.m3u8", "stop",
                "start --shard 1/3 --plain a=https://example.com/a.m3u8"), awaitLog(lines -> lines.size() >= 3),
                "stopped, then started with its place among three");
    }

    @Test
    void copy_terminated_stopsMonitorAndEndsCleanly() throws Exception {
        tasks(SELF);
        start("fake-monitor");
        awaitLog(lines -> lines.size() >= 1);
        copy.toHandle().destroy();
        assertTrue(copy.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the copy ends on SIGTERM");
        assertEquals(0, copy.exitValue(), "exit status");
        assertEquals(List.of("start --shard 0/1 --plain a=https://example.com/a.m3u8", "stop"),
                awaitLog(lines -> lines.size() >= 2), "the monitor was stopped first");
    }

    @Test
    void copy_monitorFails_copyEndsWithItsStatus() throws Exception {
        tasks(SELF);
        start("false");
        assertTrue(copy.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the copy ends when its monitor does");
        assertEquals(1, copy.exitValue(), "the monitor's exit status, for ECS to see");
    }

    @Test
    void copy_tasksCannotBeListed_startsNothing() throws Exception {
        start("fake-monitor");
        Thread.sleep(2_500);
        assertTrue(copy.isAlive(), "the copy keeps trying");
        assertEquals(List.of(), Files.readAllLines(monitorLog), "no share, no monitor");
    }

    private void tasks(String... arns) throws IOException {
        Path next = dir.resolve("tasks.next");
        Files.writeString(next, String.join("\n", arns) + "\n");
        Files.move(next, tasks, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void start(String monitor) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "avmon-group0", "--plain", "a=https://example.com/a.m3u8")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("copy.log").toFile());
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/test");
        pb.environment().put("AVMON_MEMBERSHIP_SECONDS", "1");
        pb.environment().put("AVMON_MONITOR", monitor);
        copy = pb.start();
    }

    private List<String> awaitLog(Predicate<List<String>> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> lines = Files.readAllLines(monitorLog);
        while (!done.test(lines) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            lines = Files.readAllLines(monitorLog);
        }
        return lines;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
