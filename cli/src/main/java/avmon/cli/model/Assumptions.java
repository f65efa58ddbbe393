package avmon.cli.model;

/**
 * What the case did not publish and the model must assume. Each is a flag of {@code avmon compare} and
 * {@code avmon cost}, shown with its value in every report.
 *
 * @param expressMemoryMb        memory an Express execution is billed for (64 MB chunks: 50 MB + definition
 *                               + payload round up to 64 MB for avmon's workflow)
 * @param fargateVcpu            vCPUs of one monolith Fargate task
 * @param fargateMemoryGb        memory of one monolith Fargate task
 * @param ec2Vcpu                vCPUs of the EC2 instance type priced as {@code ec2.c5-xlarge.hour}
 * @param ec2MemoryGb            memory of that instance type
 * @param targetCpuUtilisation   share of a vCPU the monolith may use before it scales out (headroom)
 * @param hoursPerMonth          hours in a month for monthly figures
 */
public record Assumptions(double expressMemoryMb, double fargateVcpu, double fargateMemoryGb, double ec2Vcpu,
                          double ec2MemoryGb, double targetCpuUtilisation, double hoursPerMonth) {

    /** The defaults, stated in the reports. */
    public static Assumptions defaults() {
        return new Assumptions(64, 1, 2, 4, 8, 0.7, 730);
    }
}
