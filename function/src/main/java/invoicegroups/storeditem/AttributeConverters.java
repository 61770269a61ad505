package invoicegroups.storeditem;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table schema's converters, one per attribute type, named explicitly instead of found through the enhanced
 * client's {@code DefaultAttributeConverterProvider}: each reads its one DynamoDB type directly, where the default
 * ones go through a visitor that accepts every type. Items are checked against the item contract before they are
 * mapped, so each attribute already has the type its converter reads. Instants go through {@link IsoInstants}.
 */
final class AttributeConverters {

    static final AttributeConverter<String> STRING = new Converter<>(EnhancedType.of(String.class),
            AttributeValueType.S) {
        @Override
        public AttributeValue transformFrom(String input) {
            return AttributeValue.fromS(input);
        }

        @Override
        public String transformTo(AttributeValue input) {
            return input.s();
        }
    };

    static final AttributeConverter<Integer> INTEGER = new Converter<>(EnhancedType.of(Integer.class),
            AttributeValueType.N) {
        @Override
        public AttributeValue transformFrom(Integer input) {
            return AttributeValue.fromN(input.toString());
        }

        @Override
        public Integer transformTo(AttributeValue input) {
            return Integer.valueOf(input.n());
        }
    };

    static final AttributeConverter<Boolean> BOOLEAN = new Converter<>(EnhancedType.of(Boolean.class),
            AttributeValueType.BOOL) {
        @Override
        public AttributeValue transformFrom(Boolean input) {
            return AttributeValue.fromBool(input);
        }

        @Override
        public Boolean transformTo(AttributeValue input) {
            return input.bool();
        }
    };

    /** ISO-8601 text, as the SDK's default {@code Instant} converter writes and reads it. */
    static final AttributeConverter<Instant> INSTANT = new Converter<>(EnhancedType.of(Instant.class),
            AttributeValueType.S) {
        @Override
        public AttributeValue transformFrom(Instant input) {
            return AttributeValue.fromS(IsoInstants.format(input));
        }

        @Override
        public Instant transformTo(AttributeValue input) {
            return IsoInstants.parse(input.s());
        }
    };

    /**
     * A nested document (the billing address) through its own table schema, as the SDK's document converter does,
     * absent attributes left out on writing.
     */
    static <T> AttributeConverter<T> document(Class<T> type, TableSchema<T> schema) {
        return new Converter<>(EnhancedType.documentOf(type, schema), AttributeValueType.M) {
            @Override
            public AttributeValue transformFrom(T input) {
                return AttributeValue.fromM(schema.itemToMap(input, true));
            }

            @Override
            public T transformTo(AttributeValue input) {
                return schema.mapToItem(input.m());
            }
        };
    }

    private AttributeConverters() {
    }

    private abstract static class Converter<T> implements AttributeConverter<T> {
        private final EnhancedType<T> type;
        private final AttributeValueType attributeValueType;

        Converter(EnhancedType<T> type, AttributeValueType attributeValueType) {
            this.type = type;
            this.attributeValueType = attributeValueType;
        }

        @Override
        public EnhancedType<T> type() {
            return type;
        }

        @Override
        public AttributeValueType attributeValueType() {
            return attributeValueType;
        }
    }
}
