package org.voterroll.web;

import java.util.Map;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The embedded Tomcat's part of the doors: its own error page ({@link ErrorValve}) in place of Tomcat's report, and the
 * security headers every answer carries (Spring Security writes them for what reaches Spring, ErrorValve for what
 * Tomcat refuses itself). The Content-Security-Policy allows this server's own files only: no inline style or script,
 * no other origin, no framing (TemplatesHaveNoInlineCodeTest keeps the templates so).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebServer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Cache-Control", "no-store");

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost h) h.setErrorReportValveClass(ErrorValve.class.getName());
        });
    }
}
