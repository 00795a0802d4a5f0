package jp.jpki.lifecycle.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent deadlines: db-scheduler keeps Axon's deadlines (certificate expiry, renewal window, card-work
 * watchdog on the command side; step timeouts and retries of the card gateway's saga) as rows in
 * {@code scheduled_tasks}, so they survive restarts (Axon's SimpleDeadlineManager keeps them in memory). Axon's own auto-configuration registers its task and the {@code DbSchedulerDeadlineManager}
 * on this scheduler but leaves starting it to the application (it expects db-scheduler's own Spring Boot starter,
 * which we do not use), so {@link DeadlineSchedulerLifecycle} starts it once Axon is up. Deadlines fire on the application's {@link Clock}, the
 * same one the rules read, so a certificate expires exactly when the rules say it has.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineSchedulerConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                @Value("${jpki.deadlines.polling-interval:PT1S}") Duration pollingInterval,
                                @Value("${jpki.deadlines.threads:2}") int threads) {
        // Axon schedules a deadline while the command's unit of work holds its JDBC connection; through the proxy
        // db-scheduler writes on that connection, in that transaction. With a connection of its own, commands
        // under load held every pooled connection while each waited for a second one, and stalled.
        return new ClockedSchedulerBuilder(new TransactionAwareDataSourceProxy(dataSource), tasks, clock)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .tableName("scheduled_tasks")
                .build();
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }

    /** db-scheduler 13 (the version Axon 4.12 is built against) has no public setter for its clock. */
    private static final class ClockedSchedulerBuilder extends SchedulerBuilder {
        ClockedSchedulerBuilder(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
            super(dataSource, tasks);
            this.clock = clock::instant;
        }
    }
}
