package org.voterroll.province;

/**
 * How one county of a province run ended: its partition's Spring Batch status (the truth of the run's state), the county
 * run it ran (null when the worker never got as far as recording one) and that run's status and listed voters.
 */
public record CountyResult(String jobName, String partitionStatus, String countyCode, String countyName, String runId, String runStatus,
                           Long listed, String worker, String message) {
}
