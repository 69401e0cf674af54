package org.voterroll.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error page, for the requests Tomcat refuses before Spring sees them (an encoded {@code ..} or {@code /}
 * in the path, a malformed request line): the same Chinese page as {@link ErrorPages}, with the same security headers,
 * instead of Tomcat's English report with its version. Installed as the host's error report valve ({@link WebServer}).
 */
public class ErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's valve: only an error nobody has answered yet, and only while the connection can still be written
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean io = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
        if (!io.get()) return;
        WebErrors.Text text = WebErrors.Text.of(status);
        String page = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>%1$s - 选民登记</title><link rel="stylesheet" href="/css/app.css"></head>
                <body>
                <header><strong>选民登记核对系统</strong></header>
                <main class="error-page">
                  <h1>%1$s</h1>
                  <p id="error-message">%2$s</p>
                  <p>错误代码 %3$d</p>
                  <p><a id="home" href="/">返回首页</a></p>
                </main>
                </body>
                </html>
                """.formatted(text.title(), text.message(), status);
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            WebServer.SECURITY_HEADERS.forEach(response::setHeader);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say to it
        }
    }
}
