package org.voterroll.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.voterroll.accounts.AuditLog;

/** Refusals carry no body at all, so nothing of another township's or district's data can leak through an error page. */
@ControllerAdvice
class WebErrors {
    private final AuditLog audit;

    WebErrors(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(Scope.OutOfScope.class)
    ResponseEntity<Void> outOfScope(Authentication auth, jakarta.servlet.http.HttpServletRequest request) {
        // the path holds run ids, item numbers and codes only (never an identity number), so it may be logged
        audit.record(auth == null ? "-" : auth.getName(), AuditLog.DENIED, request.getMethod() + " " + request.getRequestURI());
        return ResponseEntity.status(403).build();
    }

    @ExceptionHandler(Scope.NotFound.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.status(404).build();
    }
}
