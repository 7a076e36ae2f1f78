package org.casebridge.schema.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.casebridge.schema.MessageType;
import org.casebridge.schema.SchemaCatalogue;

/**
 * Avro's data model for the contract's generated classes, with the UUID and timestamp conversions they use.
 *
 * <p>Avro 1.12 looks generated classes up by name and refuses any class that is not on a JVM-wide trust list
 * (system properties or {@code ClassSecurityValidator.setGlobal}). Rather than change JVM-wide state from a library,
 * this model knows every class of the contract up front and never looks a name up.
 */
final class ContractSpecificData extends SpecificData {

    private final Map<String, Class<?>> classes = new HashMap<>();

    ContractSpecificData(SchemaCatalogue catalogue) {
        super(ContractSpecificData.class.getClassLoader());
        addLogicalTypeConversion(new Conversions.UUIDConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        for (MessageType type : catalogue.types()) {
            collect(type.schema());
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        Class<?> known = classes.get(schema.getFullName());
        return known != null ? known : super.getClass(schema);
    }

    /**
     * Arrays decode to plain {@code ArrayList}s: Avro's own array type compares its elements without the logical
     * type conversions, so two equal decoded records holding UUIDs in arrays would not be equal.
     */
    @Override
    public Object newArray(Object old, int size, Schema schema) {
        if (old instanceof ArrayList<?> list) {
            list.clear();
            return list;
        }
        return new ArrayList<>(size);
    }

    private void collect(Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                if (register(schema)) {
                    schema.getFields().forEach(field -> collect(field.schema()));
                }
            }
            case ENUM, FIXED -> register(schema);
            case ARRAY -> collect(schema.getElementType());
            case MAP -> collect(schema.getValueType());
            case UNION -> schema.getTypes().forEach(this::collect);
            default -> {
            }
        }
    }

    private boolean register(Schema schema) {
        if (classes.containsKey(schema.getFullName())) {
            return false;
        }
        try {
            classes.put(schema.getFullName(), Class.forName(schema.getFullName(), false, getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for " + schema.getFullName(), e);
        }
        return true;
    }
}
