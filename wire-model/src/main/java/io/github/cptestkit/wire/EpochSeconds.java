package io.github.cptestkit.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Timestamps as awsJson1_1 sends them: epoch seconds with a fraction, {@code 1700000000.123}; never scientific
 * notation, no trailing zeros.
 */
final class EpochSeconds {

    private EpochSeconds() {}

    static String format(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }

    static Instant parse(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        return Instant.ofEpochSecond(whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).intValue());
    }

    static final class Serializer extends StdSerializer<Instant> {
        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(format(value));
        }
    }

    static final class Deserializer extends StdDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            return parse(p.getDecimalValue());
        }
    }
}
