package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD_EXPIRY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_ON;
import static jp.jpki.lifecycle.command.pair.PairFixtures.KEYS;
import static jp.jpki.lifecycle.command.pair.PairFixtures.NOT_AFTER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.certificate;
import static jp.jpki.lifecycle.command.pair.PairFixtures.clockAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.confirm;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixture;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fromOffice;
import static jp.jpki.lifecycle.command.pair.PairFixtures.holder;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issued;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.command.origin.MissingOriginException;
import jp.jpki.lifecycle.command.policy.calendar.Stoppage;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificatePairIssuanceTest {

    private static final LocalDate CHILD_DOB = LocalDate.of(2012, 7, 20);
    private static final HolderFacts CHILD = holder(CHILD_DOB, false);
    /** Applied for at 11, made 2024-02-01: valid to the 5th birthday after, 2028-07-20 (WorkedExamplesC4Test #9). */
    private static final CardInfo CHILD_CARD = card("card-c", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1));
    private static final LocalDate CHILD_CARD_EXPIRY = LocalDate.of(2028, 7, 20);

    @Nested
    class ResidentInPerson {

        @Test
        @DisplayName("R-PRC-1 + R-ELG-1: a resident in person with a valid card, no documents, is accepted at once, free (R-PRC-7)")
        void requestAccepted() {
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", BOTH))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", HOLDER, CARD, CARD_EXPIRY, BOTH, ApplicantType.RESIDENT,
                            TERMINAL, 0, null));
        }

        @Test
        @DisplayName("R-VAL-2 + R-VAL-3: AUTH and SIGN signed to the 5th birthday after issue, under the card's expiry")
        void certificatesSigned() {
            fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH))
                    .when(keys("req-1", BOTH))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-1", KEYS),
                            new CertificatesIssued(PAIR, "req-1", List.of(AUTH_1, SIGN_1), 0));
        }

        @Test
        @DisplayName("R-VAL-7 + R-REN-1 + R-REN-4: once on the card, expiry, renewal-window and notice deadlines are scheduled")
        void writtenAndDeadlinesScheduled() {
            var due = new CertificateDeadlines.Due(CertificateKind.AUTH, "auth-1");
            fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                    .when(confirm("req-1", "auth-1", "sign-1"))
                    .expectEvents(new CertificatesWrittenToCard(PAIR, "req-1", List.of("auth-1", "sign-1")))
                    .expectScheduledDeadline(Instant.parse("2028-11-14T15:00:00Z"), due)
                    .expectScheduledDeadlineWithName(EndOfValidity.expiredAt(NOT_AFTER), CertificateDeadlines.EXPIRY)
                    .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.of(2028, 8, 15)),
                            CertificateDeadlines.RENEWAL_WINDOW)
                    .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.of(2028, 8, 14)),
                            CertificateDeadlines.EXPIRY_NOTICE);
        }

        @Test
        @DisplayName("Jurisdiction: a counter of another municipality cannot act on the pair")
        void otherMunicipalityRefused() {
            fixtureAt(ISSUED_AT).given(activePair())
                    .when(issue("req-2", BOTH), Map.of(MetadataKeys.MUNICIPALITY, "271004"))
                    .expectNoEvents()
                    .expectException(OutsideJurisdictionException.class);
        }

        @Test
        @DisplayName("R-ORG-1: a command with no municipality and no system origin is refused by the pair, not let through")
        void noOriginRefused() {
            fixtureAt(ISSUED_AT).given(activePair())
                    .when(issue("req-2", BOTH), Map.of(MetadataKeys.ORIGIN, ""))
                    .expectNoEvents()
                    .expectException(MissingOriginException.class);
        }

        @Test
        @DisplayName("R-ORG-1: the card gateway's own commands, without a caller, are handled")
        void cardGatewayOriginHandled() {
            fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH))
                    .when(keys("req-1", BOTH), Map.of(MetadataKeys.ORIGIN, SystemOrigin.CARD_GATEWAY.name()))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Eligibility {

        @Test
        @DisplayName("R-ELG-1: an expired card is refused (a foreign resident's card ended with the period of stay)")
        void expiredCardRefused() {
            CardInfo expired = new CardInfo("card-f", LocalDate.of(2023, 1, 10), LocalDate.of(2023, 2, 1),
                    ISSUED_ON.minusDays(1), CardGeneration.FIRST, false);
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                            .when(issue("req-1", HOLDER, expired, BOTH, ApplicantType.RESIDENT, List.of())),
                    "R-ELG-1", Map.of("cardExpiry", "2024-03-09"));
        }

        @Test
        @DisplayName("R-ELG-2: SIGN is refused to an 11-year-old, with the date of the 15th birthday")
        void signRefusedUnder15() {
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                            .when(issue("req-1", CHILD, CHILD_CARD, BOTH, ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A))),
                    "R-ELG-2", Map.of("eligibleFrom", "2027-07-20"));
        }

        @Test
        @DisplayName("R-ELG-2: SIGN is refused to an adult ward")
        void signRefusedToAdultWard() {
            HolderFacts ward = holder(LocalDate.of(1950, 5, 5), true);
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", ward, CARD, BOTH, ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A))), "R-ELG-2");
        }

        @Test
        @DisplayName("R-ELG-2: a supervisor's recorded reason overrides, and the reason travels with the event")
        void supervisorOverride() {
            var cmd = new IssueCertificates(PAIR, "req-1", CHILD, CHILD_CARD, BOTH, ApplicantType.LEGAL_REPRESENTATIVE,
                    List.of(DocumentClass.A), TERMINAL, null, false, false, "family court permission 2024-17");
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(cmd)
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", CHILD, CHILD_CARD, CHILD_CARD_EXPIRY, BOTH,
                            ApplicantType.LEGAL_REPRESENTATIVE, TERMINAL, 0, "family court permission 2024-17"));
        }

        @Test
        @DisplayName("R-ELG-3: a child's AUTH is refused to the child, accepted from the legal representative")
        void childAuthThroughLegalRepresentative() {
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", CHILD, CHILD_CARD, AUTH, ApplicantType.RESIDENT, List.of())), "R-ELG-3");
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", CHILD, CHILD_CARD, AUTH, ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A)))
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", CHILD, CHILD_CARD, CHILD_CARD_EXPIRY, AUTH,
                            ApplicantType.LEGAL_REPRESENTATIVE, TERMINAL, 0, null));
        }

        @Test
        @DisplayName("R-ELG-4: a face-authentication card takes no SIGN, but AUTH")
        void faceAuthenticationCard() {
            CardInfo face = new CardInfo("card-face", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10), null,
                    CardGeneration.FIRST, true);
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", HOLDER, face, BOTH, ApplicantType.RESIDENT, List.of())), "R-ELG-4");
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", HOLDER, face, AUTH, ApplicantType.RESIDENT, List.of()))
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", HOLDER, face, CARD_EXPIRY, AUTH, ApplicantType.RESIDENT,
                            TERMINAL, 0, null));
        }

        @Test
        @DisplayName("R-VAL-6: a next-generation card without configured validity terms is refused before any card work")
        void unknownGenerationRefused() {
            CardInfo next = new CardInfo("card-n", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10), null,
                    CardGeneration.NEXT, false);
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(issue("req-1", HOLDER, next, BOTH, ApplicantType.RESIDENT, List.of())), "R-VAL-6");
        }
    }

    @Nested
    class Validity {

        @Test
        @DisplayName("R-VAL-3 (C.4 #8): SIGN issued on 2026-05-01 beside an active AUTH is capped at AUTH's 2028-11-14")
        void signCappedByActiveAuth() {
            Instant now = at(LocalDate.of(2026, 5, 1), 10);
            fixtureAt(now).given(issued("req-1", HOLDER, CARD, CARD_EXPIRY, List.of(AUTH_1), 0))
                    .andGivenCommands(issue("req-2", SIGN))
                    .when(keys("req-2", SIGN))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-2", Map.of(CertificateKind.SIGN, "sign-key")),
                            new CertificatesIssued(PAIR, "req-2", List.of(certificate(CertificateKind.SIGN, "sign-1", now, NOT_AFTER)), 0));
        }

        @Test
        @DisplayName("R-VAL-3 + R-ELG-2 (C.4 #10): at 15 the resident applies for SIGN; it ends with AUTH and the card, 2028-07-20")
        void fifteenYearOldSignCapped() {
            Instant now = at(LocalDate.of(2027, 8, 1), 10);
            IssuedCertificate auth = certificate(CertificateKind.AUTH, "auth-1", at(LocalDate.of(2024, 6, 20), 10), CHILD_CARD_EXPIRY);
            fixtureAt(now).given(issued("req-1", CHILD, CHILD_CARD, CHILD_CARD_EXPIRY, List.of(auth), 0))
                    .andGivenCommands(issue("req-2", CHILD, CHILD_CARD, SIGN, ApplicantType.RESIDENT, List.of()))
                    .when(keys("req-2", SIGN, CHILD_CARD))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-2", Map.of(CertificateKind.SIGN, "sign-key")),
                            new CertificatesIssued(PAIR, "req-2",
                                    List.of(certificate(CertificateKind.SIGN, "sign-1", now, CHILD_CARD_EXPIRY)), 0));
        }

        @Test
        @DisplayName("R-REN-3 + R-VAL-4 + R-ONE-3: after expiry a new issue on a new card is free and counts 5 birthdays (2033-11-14, not 2034); the old card is void")
        void newIssueAfterExpiry() {
            Instant now = at(LocalDate.of(2028, 12, 1), 10);
            CardInfo newCard = card("card-2", LocalDate.of(2028, 10, 1), LocalDate.of(2028, 11, 1));
            LocalDate newCardExpiry = LocalDate.of(2037, 11, 14);
            var given = new ArrayList<>(activePair());
            given.add(new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER));
            given.add(new CertificateExpired(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER));
            var issue = issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of());
            fixtureAt(now).given(given)
                    .when(issue)
                    .expectEvents(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REISSUED), new IssuanceRequested(PAIR, "req-2", HOLDER, newCard, newCardExpiry, BOTH, ApplicantType.RESIDENT,
                            TERMINAL, 0, null));
            LocalDate fifthBirthday = LocalDate.of(2033, 11, 14);
            fixtureAt(now).given(given).andGivenCommands(issue)
                    .when(keys("req-2", BOTH, newCard))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-2", KEYS), new CertificatesIssued(PAIR, "req-2", List.of(
                            certificate(CertificateKind.AUTH, "auth-1", now, fifthBirthday),
                            certificate(CertificateKind.SIGN, "sign-1", now, fifthBirthday)), 0));
        }

        @Test
        @DisplayName("R-REN-3: after expiry a new issue on the same, still valid card is accepted")
        void newIssueAfterExpirySameCard() {
            var given = new ArrayList<>(activePair());
            given.add(new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER));
            given.add(new CertificateExpired(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER));
            fixtureAt(at(LocalDate.of(2028, 12, 1), 10)).given(given)
                    .when(issue("req-2", BOTH))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(IssuanceRequested.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }
    }

    @Nested
    class Revoked {

        @Test
        @DisplayName("R-REV-5: an active certificate is not issued again on the same card")
        void activeNotIssuedAgain() {
            assertRefused(fixtureAt(ISSUED_AT).given(activePair()).when(issue("req-2", SIGN)), "R-REV-5");
        }

        @Test
        @DisplayName("R-REV-3: nothing is issued on an invalidated card; a new card is accepted")
        void invalidatedCard() {
            var given = new ArrayList<>(activePair());
            given.add(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.RETURNED));
            given.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.CESSATION_OF_OPERATION, ISSUED_AT));
            given.add(new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.CESSATION_OF_OPERATION, ISSUED_AT));
            Instant now = at(LocalDate.of(2025, 1, 6), 10);
            assertRefused(fixtureAt(now).given(given).when(issue("req-2", BOTH)), "R-REV-3");
            CardInfo newCard = card("card-2", LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 20));
            fixtureAt(now).given(given)
                    .when(issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of()))
                    .expectEvents(new IssuanceRequested(PAIR, "req-2", HOLDER, newCard, LocalDate.of(2034, 11, 14), BOTH,
                            ApplicantType.RESIDENT, TERMINAL, 0, null));
        }
    }

    @Nested
    class NewCard {

        private final CardInfo newCard = card("card-2", LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 20));
        private final Instant now = at(LocalDate.of(2025, 1, 6), 10);

        @Test
        @DisplayName("R-ONE-3: certificates on a new card while the old card's are still valid move the pair: the old card is void and its certificates are revoked as superseded")
        void oldCardStillValid() {
            fixtureAt(now).given(activePair())
                    .when(issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of()))
                    .expectEvents(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REISSUED),
                            new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.SUPERSEDED, now),
                            new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.SUPERSEDED, now),
                            new IssuanceRequested(PAIR, "req-2", HOLDER, newCard, LocalDate.of(2034, 11, 14), BOTH,
                                    ApplicantType.RESIDENT, TERMINAL, 0, null));
        }

        @Test
        @DisplayName("R-REV-3: once the old card is recorded as re-issued (both revoked as superseded) the new card is served")
        void afterReissueRecorded() {
            var given = new ArrayList<>(activePair());
            given.add(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REISSUED));
            given.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.SUPERSEDED, now));
            given.add(new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.SUPERSEDED, now));
            fixtureAt(now).given(given)
                    .when(issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of()))
                    .expectEvents(new IssuanceRequested(PAIR, "req-2", HOLDER, newCard, LocalDate.of(2034, 11, 14), BOTH,
                            ApplicantType.RESIDENT, TERMINAL, 0, null));
        }
    }

    @Nested
    class Procedures {

        @Test
        @DisplayName("R-PRC-6: no issuance on the 3rd Saturday; the refusal says when operations resume")
        void maintenanceWeekend() {
            // March 2024: Saturdays 2, 9, 16.
            assertRefused(fixtureAt(at(LocalDate.of(2024, 3, 16), 10)).givenNoPriorActivity().when(issue("req-1", BOTH)),
                    "R-PRC-6", Map.of("resumesAt", "2024-03-17T15:00:00Z"));
        }

        @Test
        @DisplayName("R-PRC-6: no issuance during an announced stoppage")
        void announcedStoppage() {
            var stoppage = new Stoppage(at(ISSUED_ON, 9), at(ISSUED_ON, 12), "system replacement");
            var rules = rules(clockAt(ISSUED_AT), OfficeCapabilities.allowingEverything(), List.of(stoppage));
            assertRefused(fixture(rules).givenNoPriorActivity().when(issue("req-1", BOTH)), "R-PRC-6",
                    Map.of("resumesAt", at(ISSUED_ON, 12).toString()));
        }

        @Test
        @DisplayName("R-PRC-5: a branch that takes no representatives refuses a legal representative; the resident is served")
        void officeCapabilities() {
            var offices = new OfficeCapabilities(Map.of("branch-2", Set.of(
                    OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT))));
            var rules = rules(clockAt(ISSUED_AT), offices, List.of());
            assertRefused(fixture(rules).givenNoPriorActivity()
                    .when(issue("req-1", CHILD, CHILD_CARD, AUTH, ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A)),
                            fromOffice("branch-2")), "R-PRC-5");
            fixture(rules).givenNoPriorActivity()
                    .when(issue("req-1", BOTH), fromOffice("branch-2"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("R-PRC-7: on a card re-issued through the holder's own fault, 200 yen for the pair, not per certificate")
        void ownFaultFee() {
            var cmd = new IssueCertificates(PAIR, "req-1", HOLDER, CARD, BOTH, ApplicantType.RESIDENT, List.of(), TERMINAL, null,
                    false, true, null);
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(cmd)
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", HOLDER, CARD, CARD_EXPIRY, BOTH, ApplicantType.RESIDENT,
                            TERMINAL, 200, null));
            fixtureAt(ISSUED_AT).givenCommands(cmd)
                    .when(keys("req-1", BOTH))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-1", KEYS),
                            new CertificatesIssued(PAIR, "req-1", List.of(AUTH_1, SIGN_1), 200));
        }
    }
}
