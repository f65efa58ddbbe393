package avmon.cli.monitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code avmon monitor-bench}: the monolith's benchmarks, capacity and memory. */
@Command(name = "monitor-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the monitor: streams per core in real time, and memory over a long stream.",
        subcommands = {CapacityBenchCommand.class, MemoryBenchCommand.class})
public final class MonitorBenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
