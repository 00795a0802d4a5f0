package jp.jpki.lifecycle.command.register;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register lives in the command side's relational store (H2 embedded, PostgreSQL distributed). */
@Configuration(proxyBeanMethods = false)
public class PairRegisterConfiguration {

    @Bean
    PairRegister pairRegister(DataSource dataSource) {
        return new JdbcPairRegister(dataSource);
    }
}
