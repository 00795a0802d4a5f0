package jp.jpki.lifecycle.command.counter;

import java.util.HashMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.Channel;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.edge.StaffIdentity;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Metadata of a counter command, taken from the authenticated caller only: a request body cannot name
 * another operator or office.
 */
@Component
class CallerMetadata {

    MetaData of(Authentication authentication, String terminalId, String idempotencyKey) {
        StaffIdentity staff = StaffIdentity.of(authentication);
        Map<String, Object> values = new HashMap<>();
        values.put(MetadataKeys.OPERATOR, staff.username());
        values.put(MetadataKeys.OFFICE, staff.officeId());
        values.put(MetadataKeys.MUNICIPALITY, staff.municipalityCode());
        values.put(MetadataKeys.CHANNEL, Channel.COUNTER.name());
        if (terminalId != null) {
            values.put(MetadataKeys.TERMINAL, terminalId);
        }
        if (idempotencyKey != null) {
            values.put(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return MetaData.from(values);
    }
}
