package jp.jpki.lifecycle.query.statistics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.query.DueExpiryNotices;
import jp.jpki.lifecycle.api.query.ExpiryNoticeView;
import jp.jpki.lifecycle.api.query.StatisticsTable;
import jp.jpki.lifecycle.api.query.FindExpiryNoticesDue;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import jp.jpki.lifecycle.query.support.SignedInStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(StatisticsController.class)
@AutoConfigureMockMvc(addFilters = false)
@ExtendWith(SignedInStaff.class)
class StatisticsControllerTest {
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway queries;

    @Test
    void groups_are_parsed_case_insensitively_and_rows_come_back_with_counts() throws Exception {
        StatisticsQuery expected = new StatisticsQuery(APRIL_1, APRIL_30,
                Set.of(StatisticsDimension.OFFICE, StatisticsDimension.KIND, StatisticsDimension.OPERATION));
        when(queries.query(eq(expected), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(new StatisticsTable(List.of(
                new StatisticsRow(null, "setagaya-main", null, "SIGN", StatisticsOperation.ISSUED, null, 3, 200)))));

        http.perform(get("/api/statistics").param("from", "2026-04-01").param("to", "2026-04-30")
                        .param("groupBy", "office,Kind, operation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].officeId").value("setagaya-main"))
                .andExpect(jsonPath("$[0].operation").value("ISSUED"))
                .andExpect(jsonPath("$[0].count").value(3))
                .andExpect(jsonPath("$[0].feeYen").value(200));
    }

    @Test
    void without_group_by_the_counts_are_per_operation() throws Exception {
        StatisticsQuery expected = new StatisticsQuery(APRIL_1, APRIL_30, Set.of(StatisticsDimension.OPERATION));
        when(queries.query(eq(expected), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(new StatisticsTable(List.of())));

        http.perform(get("/api/statistics").param("from", "2026-04-01").param("to", "2026-04-30"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void an_unknown_dimension_is_a_400_problem_naming_the_valid_ones() throws Exception {
        http.perform(get("/api/statistics").param("from", "2026-04-01").param("to", "2026-04-30").param("groupBy", "operator"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "cannot group by 'operator'; use any of day, office, municipality, kind, operation, reason"));
        verifyNoInteractions(queries);
    }

    @Test
    void a_date_that_is_not_iso_is_a_400_problem() throws Exception {
        http.perform(get("/api/statistics").param("from", "01/04/2026").param("to", "2026-04-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void a_missing_date_is_a_400_problem() throws Exception {
        http.perform(get("/api/statistics").param("from", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_range_that_ends_before_it_starts_is_a_400_problem() throws Exception {
        http.perform(get("/api/statistics").param("from", "2026-04-30").param("to", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("'to' must not be before 'from'"));
    }

    @Test
    void expiry_notices_for_a_month_list_pair_kind_and_notAfter_only_R_REN_4() throws Exception {
        when(queries.query(eq(new FindExpiryNoticesDue(YearMonth.of(2031, 2))), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new DueExpiryNotices(List.of(
                        new ExpiryNoticeView("pair-0001", CertificateKind.SIGN, LocalDate.of(2031, 5, 31))))));

        http.perform(get("/api/statistics/expiry-notices").param("month", "2031-02"))
                .andExpect(status().isOk())
                .andExpect(content().json("[{\"pairId\":\"pair-0001\",\"kind\":\"SIGN\",\"notAfter\":\"2031-05-31\"}]", true));
    }

    @Test
    void a_month_that_is_not_yyyy_mm_is_a_400_problem() throws Exception {
        http.perform(get("/api/statistics/expiry-notices").param("month", "2031-13"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }
}
