package jp.jpki.lifecycle.command.counter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.RevocationCause;

/** JSON bodies of the counter API; validated before any command is sent. */
final class CounterRequests {

    static final String TERMINAL = "[A-Za-z0-9._-]{1,64}";
    static final String PROXY_APPLICATION = "[A-Za-z0-9-]{4,64}";
    /** No one alive was born earlier; a date before it is a typing mistake. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** My Number cards were first issued in January 2016; applications opened in October 2015. */
    static final LocalDate FIRST_CARDS = LocalDate.of(2015, 10, 5);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 1, 1);

    private CounterRequests() {
    }

    record Holder(@NotBlank @Size(max = 64) String residentRef,
                  @NotBlank @Pattern(regexp = "\\d{6}") String municipalityCode,
                  @NotBlank @Size(max = 200) String name,
                  @NotBlank @Size(max = 400) String address,
                  @NotNull @Past LocalDate dateOfBirth,
                  @NotNull Sex sex,
                  boolean adultWard) {
        @AssertTrue(message = "dateOfBirth must be on or after 1900-01-01")
        boolean isDateOfBirthPlausible() {
            return dateOfBirth == null || !dateOfBirth.isBefore(EARLIEST_BIRTH);
        }

        HolderFacts toFacts() {
            return new HolderFacts(residentRef, municipalityCode, new BasicFourItems(name, address, dateOfBirth, sex), adultWard);
        }

        @Override
        public String toString() {
            return "Holder[redacted]";
        }
    }

    record Card(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,64}") String cardId,
                @NotNull @PastOrPresent LocalDate applicationReceivedOn,
                @NotNull @PastOrPresent LocalDate issuedOn,
                LocalDate periodOfStayEnd,
                CardGeneration generation,
                boolean faceAuthentication) {
        @AssertTrue(message = "a card is issued on or after its application, and no earlier than 2015-10-05")
        boolean isIssueAfterApplication() {
            return applicationReceivedOn == null || issuedOn == null
                    || (!issuedOn.isBefore(applicationReceivedOn) && !applicationReceivedOn.isBefore(FIRST_CARDS));
        }

        @AssertTrue(message = "periodOfStayEnd must fall after the card's issue and before 2100-01-01")
        boolean isPeriodOfStayPlausible() {
            return periodOfStayEnd == null || issuedOn == null
                    || (periodOfStayEnd.isAfter(issuedOn) && periodOfStayEnd.isBefore(LATEST_DATE));
        }

        CardInfo toInfo() {
            return new CardInfo(cardId, applicationReceivedOn, issuedOn, periodOfStayEnd,
                    generation == null ? CardGeneration.FIRST : generation, faceAuthentication);
        }
    }

    record Issue(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String pairId,
                 @NotNull @Valid Holder holder,
                 @NotNull @Valid Card card,
                 @NotEmpty Set<@NotNull CertificateKind> kinds,
                 @NotNull ApplicantType applicant,
                 @Size(max = 10) List<@NotNull DocumentClass> documents,
                 @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                 @Pattern(regexp = PROXY_APPLICATION) String proxyApplicationId,
                 boolean withMoveNotice,
                 boolean cardReissuedByOwnFault,
                 @Size(max = 500) String eligibilityOverrideReason) {
    }

    record Renew(@NotEmpty Set<@NotNull CertificateKind> kinds,
                 @NotNull ApplicantType applicant,
                 @Size(max = 10) List<@NotNull DocumentClass> documents,
                 @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                 @Pattern(regexp = PROXY_APPLICATION) String proxyApplicationId,
                 boolean withExpiryNotice) {
    }

    record PinLock(@NotNull CertificateKind kind) {
    }

    record PinResetRequest(@NotNull CertificateKind kind,
                           @NotNull ApplicantType applicant,
                           @Size(max = 10) List<@NotNull DocumentClass> documents,
                           @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                           @Pattern(regexp = PROXY_APPLICATION) String proxyApplicationId) {
    }

    record Revoke(Set<@NotNull CertificateKind> kinds, @NotNull RevocationCause cause) {
    }

    record BasicInfoChange(@NotEmpty Set<@NotNull BasicItem> changedItems, @NotNull @PastOrPresent LocalDate effectiveOn) {
        @AssertTrue(message = "effectiveOn must be on or after 2015-10-05")
        boolean isEffectiveOnPlausible() {
            return effectiveOn == null || !effectiveOn.isBefore(FIRST_CARDS);
        }
    }

    record Emigration(@NotNull @PastOrPresent LocalDate emigratedOn) {
        @AssertTrue(message = "emigratedOn must be on or after 2015-10-05")
        boolean isEmigratedOnPlausible() {
            return emigratedOn == null || !emigratedOn.isBefore(FIRST_CARDS);
        }
    }

    record MoveOut(@NotBlank @Pattern(regexp = "\\d{6}") String toMunicipalityCode, @NotNull LocalDate plannedMoveOn) {
    }

    record MoveIn(@NotNull @PastOrPresent LocalDate movedInOn, @NotNull @Valid Holder holder, boolean cardContinued) {
    }

    record CardInvalidation(@NotNull CardInvalidationCause cause) {
    }

    record ProxyApplication(@Pattern(regexp = PROXY_APPLICATION) String applicationId,
                            @NotNull Procedure procedure,
                            @NotEmpty Set<@NotNull CertificateKind> kinds,
                            @Valid Holder holder,
                            @Size(max = 10) List<@NotNull DocumentClass> proxyDocuments) {
    }

    record InquiryAnswer(@Size(max = 10) List<@NotNull DocumentClass> proxyDocuments) {
    }
}
