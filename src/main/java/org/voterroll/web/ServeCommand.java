package org.voterroll.web;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** {@code serve}: the web application on the same database the nightly job writes; returns when the server is stopped. */
public final class ServeCommand {
    private ServeCommand() {}

    public static int run(Class<?> application, String[] args, Map<String, Object> defaults) throws InterruptedException {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(defaults);
        CountDownLatch closed = new CountDownLatch(1);
        app.addListeners(e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        // only --key=value arguments (server.port, voter-roll.jobs-dir, ...) are passed on to Spring
        String[] springArgs = java.util.Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("=")).toArray(String[]::new);
        ConfigurableApplicationContext ctx = app.run(springArgs);
        Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
        closed.await();
        return 0;
    }
}
