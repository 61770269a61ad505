package invoicegroups.storeditem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An id is valid exactly when it is 1 to 1024 bytes of UTF-8 without control characters or lone surrogates. */
class InvoiceGroupIdsTest {

    @Property(tries = 3000)
    void validExactlyAsTheRuleSays(@ForAll("ids") String id) {
        assertThat(InvoiceGroupIds.isValid(id)).isEqualTo(byTheRule(id));
    }

    private static boolean byTheRule(String id) {
        if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > InvoiceGroupIds.MAX_BYTES) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Around the 1024-byte limit in one-, two-, three- and four-byte characters, with the odd bad character. */
    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> unit = Arbitraries.of("a", "é", "€", "😀", "\u0001", "\ud800", "\udc00", "_");
        return Arbitraries.integers().between(0, 1100).flatMap(size -> Arbitraries.oneOf(
                Arbitraries.strings().withChars('a', 'z').ofLength(size),
                Arbitraries.of("é", "€", "😀").list().ofSize(Math.max(1, size / 3)).map(list -> String.join("", list)),
                unit.list().ofMaxSize(size).map(list -> String.join("", list)),
                Arbitraries.strings().all().ofMaxLength(Math.min(size, 40))));
    }
}
