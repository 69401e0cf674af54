package org.voterroll.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Not conditional on the web: the executor starts no thread until a run is started from the web. */
@Configuration
class WebConfig {

    /** Runs started from the web: two at most at once (the machine is small), more wait in the queue. */
    @Bean
    TaskExecutor webRunExecutor() {
        ThreadPoolTaskExecutor e = new ThreadPoolTaskExecutor();
        e.setCorePoolSize(2);
        e.setMaxPoolSize(2);
        e.setThreadNamePrefix("web-run-");
        e.setWaitForTasksToCompleteOnShutdown(false);
        e.initialize();
        return e;
    }
}
