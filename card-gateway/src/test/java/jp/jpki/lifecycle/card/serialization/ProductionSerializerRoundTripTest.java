package jp.jpki.lifecycle.card.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import jp.jpki.lifecycle.card.work.CardWorkSaga;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.ClassUtils;

/**
 * Every record of shared-api (commands, events, queries, query answers — the list answers are records, so their
 * elements come back typed — refusal details, the values inside them),
 * found by scanning the classpath so that a new one is covered the day it is added, goes through the serializer
 * the services run with — Axon's {@link JacksonSerializer} on the Spring Boot object mapper, as
 * {@code axon.serializer.*=jackson} configures it — and comes back equal. So does the card-work saga's state, which
 * the gateway stores in PostgreSQL. Nothing is Java-serialized.
 */
@DisplayName("production serializer: every message, answer, refusal and saga state round-trips")
class ProductionSerializerRoundTripTest {

    private static final String API_PACKAGE = "jp.jpki.lifecycle.api";
    /** As Spring Boot builds its object mapper (dates as ISO strings) and Axon's auto-configuration wraps it. */
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .build())
            .build();

    @TestFactory
    Stream<DynamicTest> everySharedApiRecord() {
        List<Class<?>> records = sharedApiRecords();
        assertThat(records).hasSizeGreaterThan(50);
        return records.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object original = Samples.of(type);
            assertThat(roundTrip(original)).isEqualTo(original);
        }));
    }

    @Test
    @DisplayName("the card-work saga's state")
    void cardWorkSaga() throws Exception {
        List<Field> state = Stream.of(CardWorkSaga.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).toList();
        CardWorkSaga saga = new CardWorkSaga();
        for (Field field : state) {
            field.setAccessible(true);
            field.set(saga, Samples.value(field.getGenericType()));
        }
        CardWorkSaga back = roundTrip(saga);
        for (Field field : state) {
            assertThat(field.get(back)).as(field.getName()).isEqualTo(field.get(saga));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T original) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(original, byte[].class);
        assertThat(new String(serialized.getData())).doesNotStartWith("\u00ac\u00ed"); // Java serialization's magic
        return (T) SERIALIZER.deserialize(serialized);
    }

    private static List<Class<?>> sharedApiRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        return scanner.findCandidateComponents(API_PACKAGE).stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ProductionSerializerRoundTripTest.class.getClassLoader()))
                .filter(type -> type.isRecord() && !Modifier.isPrivate(type.getModifiers()))
                .toList();
    }

    /** Sample values by type, valid for the records' own checks (ids of 8+ characters, hex serials, one lookup key). */
    static final class Samples {

        private static final Map<Class<?>, Object> FIXED = Map.of(
                jp.jpki.lifecycle.api.query.FindPairs.class, jp.jpki.lifecycle.api.query.FindPairs.byResidentRef("R-000001"));

        static Object of(Class<?> type) {
            if (FIXED.containsKey(type)) {
                return FIXED.get(type);
            }
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                var constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("no sample for " + type.getName() + ": add one to Samples.FIXED", e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Object value(Type type) {
            if (type instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                Type[] arguments = parameterized.getActualTypeArguments();
                if (List.class.isAssignableFrom(raw)) {
                    return List.of(value(arguments[0]));
                }
                if (Set.class.isAssignableFrom(raw)) {
                    Object element = value(arguments[0]);
                    return element instanceof Enum<?> e ? EnumSet.of((Enum) e) : Set.of(element);
                }
                if (Map.class.isAssignableFrom(raw)) {
                    return Map.of(value(arguments[0]), value(arguments[1]));
                }
                if (Optional.class.equals(raw)) {
                    return Optional.of(value(arguments[0]));
                }
                return value(raw);
            }
            Class<?> raw = (Class<?>) type;
            if (raw == String.class) {
                return "0A1B2C3D";
            }
            if (raw == int.class || raw == Integer.class) {
                return 3;
            }
            if (raw == long.class || raw == Long.class) {
                return 7L;
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return true;
            }
            if (raw == Object.class) {
                return "2031-02-28";
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse("2031-02-28");
            }
            if (raw == LocalDateTime.class) {
                return LocalDateTime.parse("2031-02-28T10:15:30");
            }
            if (raw == Instant.class) {
                return Instant.parse("2031-02-28T01:15:30.123Z");
            }
            if (raw == YearMonth.class) {
                return YearMonth.of(2031, 2);
            }
            if (raw == Duration.class) {
                return Duration.ofMinutes(10);
            }
            if (raw == byte[].class) {
                return new byte[] {1, 2, 3};
            }
            if (raw.isEnum()) {
                return raw.getEnumConstants()[0];
            }
            if (raw.isRecord()) {
                return of(raw);
            }
            if (raw.isSealed()) {
                return value(raw.getPermittedSubclasses()[0]);
            }
            throw new AssertionError("no sample value for " + raw.getName() + ": extend Samples.value");
        }
    }
}
