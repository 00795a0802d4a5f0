package jp.jpki.lifecycle.card.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import jp.jpki.lifecycle.api.card.CardPinReset;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.card.work.CardStation;

/** Times every card-work step at the terminal: {@code jpki.card.step{step, outcome}}. */
final class MeteredCardStation implements CardStation {

    private final CardStation station;
    private final MeterRegistry meters;

    MeteredCardStation(CardStation station, MeterRegistry meters) {
        this.station = station;
        this.meters = meters;
    }

    @Override
    public String terminalId() {
        return station.terminalId();
    }

    @Override
    public CardPublicKeys generateKeys(GenerateKeysOnCard order) {
        return timed("generate-keys", () -> station.generateKeys(order));
    }

    @Override
    public CertificatesOnCard writeCertificates(WriteCertificatesToCard order) {
        return timed("write-certificates", () -> station.writeCertificates(order));
    }

    @Override
    public CardPinReset resetPin(ResetPinOnCard order) {
        return timed("reset-pin", () -> station.resetPin(order));
    }

    private <T> T timed(String step, Supplier<T> work) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            T result = work.get();
            outcome = "done";
            return result;
        } finally {
            sample.stop(Timer.builder("jpki.card.step").description("card-work steps at the terminal")
                    .tag("step", step).tag("outcome", outcome).register(meters));
        }
    }
}
