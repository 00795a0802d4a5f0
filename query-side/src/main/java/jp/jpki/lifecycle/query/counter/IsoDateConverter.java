package jp.jpki.lifecycle.query.counter;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;

/**
 * Stores a calendar date as an ISO string ("2031-05-31"). The default mapping turns a {@code LocalDate} into a
 * midnight timestamp in the JVM's default zone, which shifts the date when nodes run in different zones; ISO
 * strings also sort like dates, so range queries still work.
 */
class IsoDateConverter implements MongoValueConverter<LocalDate, String> {

    @Override
    public LocalDate read(String value, MongoConversionContext context) {
        return LocalDate.parse(value);
    }

    @Override
    public String write(LocalDate value, MongoConversionContext context) {
        return value.toString();
    }
}
