package org.planmap.config;

import org.planmap.store.DataDirectory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An unusable data directory at start is the operator's to fix, not a crash: Spring Boot then prints
 * "APPLICATION FAILED TO START" with this description and action instead of a stack trace, and the JVM exits 1.
 */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectory.Unusable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.Unusable cause) {
        return new FailureAnalysis(cause.messageZh() + "\n" + cause.getMessage(),
                cause.actionZh() + "\n" + cause.actionEn(), cause);
    }
}
