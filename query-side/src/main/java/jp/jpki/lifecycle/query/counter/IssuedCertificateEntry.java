package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.convert.ValueConverter;

/** A certificate the CA signed that is waiting to be written to the card. */
record IssuedCertificateEntry(String serialHex, Instant notBefore,
                              @ValueConverter(IsoDateConverter.class) LocalDate notAfter) {
}
