package avmon.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar's manifest. */
final class AvmonVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Avmon.class.getPackage().getImplementationVersion();
        return new String[] {"avmon " + (v == null ? "(development build)" : v)};
    }
}
