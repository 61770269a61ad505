package invoicegroups.local.control;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs the handler once on an event file, like {@code sam local invoke -e}: the event is read, and the response
 * written, by the Lambda Java runtime's own serialisers, so a file that works here works in Lambda.
 */
public final class EventInvoker {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, EventInvoker.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, EventInvoker.class.getClassLoader());

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    public EventInvoker(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.handler = handler;
    }

    /** Reads an event file; done before anything starts, so a bad file fails fast. */
    public static APIGatewayV2HTTPEvent read(Path eventFile) {
        try (InputStream in = Files.newInputStream(eventFile)) {
            APIGatewayV2HTTPEvent event = EVENTS.fromJson(in);
            if (event == null || event.getRequestContext() == null) {
                throw StartupException.failure(eventFile + ": not an API Gateway HTTP API (payload 2.0) event");
            }
            return event;
        } catch (NoSuchFileException e) {
            throw StartupException.failure(eventFile + ": no such file");
        } catch (IOException e) {
            throw StartupException.failure(eventFile + ": cannot be read (" + e.getMessage() + ")");
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StartupException.failure(eventFile + ": not an API Gateway HTTP API event (" + firstLine(e) + ")");
        }
    }

    /** @return the handler's response, as the runtime would serialise it */
    public String invoke(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString()));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RESPONSES.toJson(response, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
