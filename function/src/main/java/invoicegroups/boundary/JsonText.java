package invoicegroups.boundary;

import invoicegroups.storeditem.IsoInstants;
import java.time.Instant;

/**
 * JSON text written into a {@code StringBuilder}: what {@link ResponseBodies} writes a page with. Strings are escaped
 * exactly as Jackson's generator escapes them (quote, backslash and control characters: the short escapes for
 * backspace, form feed, newline, carriage return and tab, six-character hex escapes for the others; everything else as
 * is), so the bytes a caller gets are the same as Jackson's ({@code ResponseBodiesTest}).
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder text;

    JsonText(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** Structural text or a property name written by this class's callers: never the caller's or the store's data. */
    JsonText raw(String json) {
        text.append(json);
        return this;
    }

    JsonText raw(char json) {
        text.append(json);
        return this;
    }

    JsonText number(int value) {
        text.append(value);
        return this;
    }

    /** An instant as a JSON string, in {@link Instant#toString}'s text: digits and separators, nothing to escape. */
    JsonText instant(Instant value) {
        text.append('"');
        IsoInstants.appendTo(text, value);
        text.append('"');
        return this;
    }

    /** A JSON string: quoted and escaped. */
    JsonText string(String value) {
        text.append('"');
        int length = value.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                text.append(value, plainFrom, i);
                escape(c);
                plainFrom = i + 1;
            }
        }
        if (plainFrom == 0) {
            text.append(value);
        } else {
            text.append(value, plainFrom, length);
        }
        text.append('"');
        return this;
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> text.append("\\\"");
            case '\\' -> text.append("\\\\");
            case '\b' -> text.append("\\b");
            case '\f' -> text.append("\\f");
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            case '\t' -> text.append("\\t");
            default -> text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
