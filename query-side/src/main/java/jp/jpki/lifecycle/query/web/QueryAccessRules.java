package jp.jpki.lifecycle.query.web;

import jp.jpki.lifecycle.edge.AccessRules;
import jp.jpki.lifecycle.edge.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who reaches the query side's URLs (the roles are described in docs/security.md). Only what relying parties
 * must fetch without an account is public: CA certificates, CRLs and OCSP.
 */
@Configuration(proxyBeanMethods = false)
class QueryAccessRules {

    @Bean
    AccessRules queryRules() {
        return urls -> urls
                .requestMatchers("/pki/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/certificate-pairs", "/api/certificate-pairs/**")
                .access(StaffAccess.anyRole("CLERK", "SUPERVISOR"))
                .requestMatchers("/api/statistics", "/api/statistics/**", "/dashboard", "/dashboard/**")
                .access(StaffAccess.anyRole("STATISTICS", "SUPERVISOR"))
                .requestMatchers("/api/audit", "/api/audit/**").access(StaffAccess.anyRole("AUDITOR"))
                .requestMatchers("/api/admin", "/api/admin/**").access(StaffAccess.anyRole("SUPERVISOR"));
    }
}
