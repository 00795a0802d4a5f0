package jp.jpki.lifecycle.command.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persistent deadlines: db-scheduler keeps Axon's deadlines (certificate expiry, renewal window, card-work
 * timeouts) as rows in {@code scheduled_tasks}, so they survive restarts (research: SimpleDeadlineManager
 * forgets them). Axon's own auto-configuration registers its task and the {@code DbSchedulerDeadlineManager}
 * on this scheduler and starts it with the Axon configuration. Deadlines fire on wall-clock time (db-scheduler 13, the
 * version Axon 4.12 supports, has no pluggable clock).
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineSchedulerConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${jpki.deadlines.polling-interval:PT1S}") Duration pollingInterval,
                                @Value("${jpki.deadlines.threads:2}") int threads) {
        return Scheduler.create(dataSource, tasks)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .tableName("scheduled_tasks")
                .registerShutdownHook()
                .build();
    }
}
