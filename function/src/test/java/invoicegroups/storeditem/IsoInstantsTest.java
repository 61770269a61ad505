package invoicegroups.storeditem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cheap instant text is exactly the JDK's: same text out, same instant in, same refusals. */
class IsoInstantsTest {

    /** Year 0000 to 9999 and far beyond both ends. */
    @Property(tries = 3000)
    void formatsAsInstantToString(@ForAll @LongRange(min = -400_000_000_000L, max = 400_000_000_000L) long seconds,
            @ForAll("nanos") int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        StringBuilder appended = new StringBuilder("before ");
        IsoInstants.appendTo(appended, instant);
        assertThat(appended).hasToString("before " + instant);
    }

    @Property(tries = 3000)
    void parsesWhatInstantToStringWrites(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll("nanos") int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    }

    /** Any fraction width from 1 to 9 digits, as Instant.parse reads them. */
    @Property(tries = 1000)
    void parsesEveryFractionWidth(@ForAll @IntRange(min = 0, max = 999_999_999) int fraction,
            @ForAll @IntRange(min = 1, max = 9) int width) {
        String digits = String.format("%09d", fraction).substring(0, width);
        String text = "2024-02-29T23:59:59." + digits + "Z";

        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    /** One character of a valid instant replaced by another: accepted and refused exactly as the JDK does. */
    @Property(tries = 5000)
    void agreesWithInstantParseOnAlteredText(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
            @ForAll("nanos") int nanos, @ForAll @IntRange(min = 0, max = 29) int position,
            @ForAll("characters") char replacement) {
        String valid = Instant.ofEpochSecond(seconds, nanos).toString();
        int at = position % valid.length();
        String text = valid.substring(0, at) + replacement + valid.substring(at + 1);

        assertSameAsJdk(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:05:00Z", "2024-03-01T09:05:00+02:00", "2024-03-01t09:05:00z",
            "2024-03-01T24:00:00Z", "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z", "2023-02-29T00:00:00Z",
            "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-03-01T09:05:00.Z",
            "2024-03-01T09:05:00.1234567890Z", "2024-03-01T09:05Z", "2024-03-01 09:05:00Z", "yesterday", "",
            "2024-03-01T09:05:00.5Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2024-03-01T09:05:00", "２０２４-03-01T09:05:00Z", "2024-03-01T09:05:60Z", "2024-03-01T09:60:00Z"})
    void agreesWithInstantParse(String text) {
        assertSameAsJdk(text);
    }

    private static void assertSameAsJdk(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(1, 999_999).map(us -> us * 1000),
                Arbitraries.integers().between(1, 999_999_999));
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.oneOf(Arbitraries.chars().numeric(), Arbitraries.of('-', ':', '.', 'T', 't', 'Z', 'z', '+',
                ' ', '/', '٣'));
    }
}
