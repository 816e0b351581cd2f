package id.siaga.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the JAIN-SIP stack's own logging to SLF4J (the stack otherwise wants log4j 1.x). */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger log = LoggerFactory.getLogger("javax.sip.stack");

    @Override
    public void logStackTrace() {
        if (log.isDebugEnabled()) {
            log.debug("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int level) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.warn("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        log.error(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_TRACE) {
            return log.isTraceEnabled();
        } else if (logLevel >= TRACE_DEBUG) {
            return log.isDebugEnabled();
        } else if (logLevel >= TRACE_INFO) {
            return log.isInfoEnabled();
        } else if (logLevel >= TRACE_WARN) {
            return log.isWarnEnabled();
        }
        return logLevel > TRACE_NONE && log.isErrorEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        log.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        log.warn(message);
    }

    @Override
    public void logInfo(String message) {
        log.info(message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
