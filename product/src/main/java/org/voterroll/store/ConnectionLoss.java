package org.voterroll.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A run that lost the database under it (a PostgreSQL restart, a network cut, an administrator ending its backends):
 * the operator is told so in one line with the command that finishes the run, not the last of a chain of Spring
 * Batch and driver errors ("Connection is closed"). Nothing of the run is wrong, only unfinished, so restart is the
 * whole remedy once the database answers again.
 */
public final class ConnectionLoss {
    private ConnectionLoss() {
    }

    /** Raised out of a run that lost its connections; the message says what to do. */
    public static class RunInterruptedException extends RuntimeException {
        private final String runId;

        public RunInterruptedException(String runId, Throwable cause) {
            super(message(runId, cause), cause);
            this.runId = runId;
        }

        public String runId() {
            return runId;
        }
    }

    /** Whether a connection was lost somewhere in the chain (SQLSTATE class 08, or 57P01–57P03: the server going away). */
    public static boolean isCause(Throwable t) {
        for (Throwable r = t; r != null; r = r.getCause() == r ? null : r.getCause()) {
            if (r instanceof SQLTransientConnectionException) return true;
            if (r instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"))) return true;
            if (r instanceof org.springframework.dao.DataAccessResourceFailureException) return true;
            // HikariCP's word for a pooled connection closed under it carries no SQLSTATE
            if (r instanceof SQLException e && "Connection is closed".equals(e.getMessage())) return true;
            // a commit that failed and a rollback that failed too: Spring keeps the first aside, not as the cause
            if (r instanceof org.springframework.transaction.TransactionSystemException e && e.getOriginalException() != null
                    && e.getOriginalException() != r && isCause(e.getOriginalException())) return true;
        }
        return false;
    }

    /** What the operator reads: what happened, the driver's own words (no data of a row), and the command to run. */
    public static String message(String runId, Throwable t) {
        return reason(t) + "；运行 " + runId + " 未完成，未发布任何新文件。数据库恢复后执行 (once the database answers again): "
                + "java -jar voter-roll.jar restart " + runId;
    }

    /** The loss in a clerk's words, with the first connection error of the chain. */
    public static String reason(Throwable t) {
        String detail = null;
        for (Throwable r = t; r != null && detail == null; r = r.getCause() == r ? null : r.getCause()) {
            if (r instanceof SQLException e && e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                detail = e.getMessage();
            }
        }
        return "与数据库的连接中断 (lost the database connection" + (detail == null ? "" : ": " + detail) + ")";
    }
}
