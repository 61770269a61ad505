package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void keepsTheFirstNonBlankLineStripped() {
        assertThat(Messages.firstLine("\n  broken pipe  \n at Foo.bar(Foo.java:1)", 100)).isEqualTo("broken pipe");
    }

    @Test
    void saysSoWhenThereIsNothingToSay() {
        assertThat(Messages.firstLine(null, 100)).isEqualTo(Messages.NO_DETAILS);
        assertThat(Messages.firstLine(" \n\t", 100)).isEqualTo(Messages.NO_DETAILS);
    }

    @Test
    void cutsLongLinesAndSaysItCut() {
        assertThat(Messages.firstLine("x".repeat(500), 10)).isEqualTo("xxxxxxxxxx...");
        assertThat(Messages.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Messages.cut("abcdefg", 6)).isEqualTo("abcdef...");
    }

    @Test
    void namesTheDeepestCause() {
        RuntimeException wrapped = new RuntimeException("outer",
                new UncheckedIOException("middle", new IOException("Connection refused\n\tat somewhere")));
        assertThat(Messages.rootCause(wrapped, 100)).isEqualTo("Connection refused");
    }
}
