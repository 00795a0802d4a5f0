package jp.jpki.lifecycle.query.counter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.CertificateView;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.FindPairs;
import jp.jpki.lifecycle.api.query.FoundPairs;
import jp.jpki.lifecycle.api.query.LastOperation;
import jp.jpki.lifecycle.api.query.PairOperation;
import jp.jpki.lifecycle.api.query.PairView;
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

@WebMvcTest(CounterQueryController.class)
@AutoConfigureMockMvc(addFilters = false)
@ExtendWith(SignedInStaff.class)
class CounterQueryControllerTest {
    private static final PairView VIEW = new PairView("pair-0001", "R-000001", "131121", "CARD-0001",
            LocalDate.of(2034, 11, 14), Map.of(CertificateKind.SIGN, new CertificateView(CertificateKind.SIGN,
                    CertificateStatus.ACTIVE, "0A1B", Instant.parse("2026-04-01T01:00:00Z"), LocalDate.of(2031, 5, 31),
                    false, null, LocalDate.of(2031, 3, 1), false, null, null)),
            List.of(), new LastOperation(PairOperation.CERTIFICATES_WRITTEN, Instant.parse("2026-04-01T01:00:00Z"),
                    "clerk-7", "setagaya-main"));

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway queries;

    @Test
    void a_known_pair_is_answered_as_the_view_record() throws Exception {
        when(queries.query(eq(new FindPair(new PairId("pair-0001"))), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(VIEW)));

        http.perform(get("/api/certificate-pairs/pair-0001"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.pairId").value("pair-0001"))
                .andExpect(jsonPath("$.cardExpiry").value("2034-11-14"))
                .andExpect(jsonPath("$.certificates.SIGN.status").value("ACTIVE"))
                .andExpect(jsonPath("$.certificates.SIGN.renewalWindowOpensOn").value("2031-03-01"))
                .andExpect(jsonPath("$.lastOperation.type").value("CERTIFICATES_WRITTEN"));
    }

    @Test
    void an_unknown_pair_is_a_404_problem() throws Exception {
        when(queries.query(any(FindPair.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        http.perform(get("/api/certificate-pairs/does-not-exist-1"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Unknown certificate pair"));
    }

    @Test
    void an_id_that_cannot_exist_is_a_404_problem_without_a_query() throws Exception {
        http.perform(get("/api/certificate-pairs/x"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void a_lookup_by_serial_is_sent_as_find_pairs() throws Exception {
        when(queries.query(eq(FindPairs.bySerial("0A1B")), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new FoundPairs(List.of(VIEW))));

        http.perform(get("/api/certificate-pairs").param("serial", "0A1B"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].pairId").value("pair-0001"));
    }

    @Test
    void a_lookup_without_a_criterion_is_a_400_problem() throws Exception {
        http.perform(get("/api/certificate-pairs"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("give exactly one of residentRef, cardId or serial"));
        verifyNoInteractions(queries);
    }

    @Test
    void a_lookup_with_two_criteria_is_a_400_problem() throws Exception {
        http.perform(get("/api/certificate-pairs").param("residentRef", "R-000001").param("cardId", "CARD-0001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }
}
