package invoicegroups.data;

import invoicegroups.table.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one reader of the operator's input files (data files for {@code import} and the local runner's
 * {@code --data-file}, tenant files for {@code tenants add --file}): UTF-8, strictly. A byte sequence that is not
 * UTF-8 is a {@link DataFileException} naming the file and the byte offset (from 0) where it starts, never a silent
 * U+FFFD.
 */
public final class StrictUtf8 {

    /** A name that is not a file name is quoted this far: it may be anything, of any length. */
    private static final int MAX_NAME = 60;

    private StrictUtf8() {
    }

    /** @param name the file as the operator typed it */
    public static String read(String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw new DataFileException(Messages.cut(name, MAX_NAME) + ": not a file name");
        }
        return read(file);
    }

    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return decode(file.toString(), bytes);
    }

    /** @param name how the message names the bytes' file */
    public static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new DataFileException(name + ": not valid UTF-8 at byte offset " + in.position());
        }
        return out.flip().toString();
    }
}
