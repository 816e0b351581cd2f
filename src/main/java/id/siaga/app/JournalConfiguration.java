package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.JournalStore;
import id.siaga.store.JdbcJournalStore;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    JournalStore journalStore(DataSource dataSource) {
        return new JdbcJournalStore(dataSource);
    }

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    Journal journal(JournalStore store, JournalProperties props, ClusterProperties cluster, Clock clock) {
        return new Journal(cluster.nodeId(), store, new JournalSpool(Path.of(props.spoolFile())), clock, props.maxBatch(), props.queueCapacity(),
                props.retryInterval());
    }
}
