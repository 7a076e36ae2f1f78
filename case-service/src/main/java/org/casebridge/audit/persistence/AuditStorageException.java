package org.casebridge.audit.persistence;

/** The database refused or failed an audit log operation; the business transaction must not commit without it. */
public class AuditStorageException extends RuntimeException {

    public AuditStorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
