package org.voterroll.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.voterroll.cli.Cli;

import picocli.CommandLine.Command;

/** {@code serve}: the web application on the same database the nightly job writes; returns when the server is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
        description = {"Starts the web application and runs until stopped (SIGTERM).",
                "Township exception queues, station downloads, operators' runs and accounts; the JSON API under /api.",
                "Settings as Spring Boot's: --server.port=8080 (default 8080), --voter-roll.jobs-dir=jobs (jobs-dir/<county>/",
                "holds election.yml, xuanqu.csv and job.yml with inbox:, out:, previous: for the runs operators start)."})
public final class ServeCommand implements Callable<Integer> {
    private final Cli cli;

    ServeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext ctx = cli.context(WebApplicationType.SERVLET, e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
        closed.await();
        return 0;
    }
}
