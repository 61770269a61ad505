package invoicegroups.local.gateway;

import invoicegroups.lambdacontext.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.local.StartupException;
import invoicegroups.table.Messages;
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

    /** The cause as the error line quotes it: its first line, at most this long. */
    private static final int MAX_MESSAGE = 200;

    private static final PojoSerializer<APIGatewayProxyRequestEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayProxyRequestEvent.class, EventInvoker.class.getClassLoader());
    private static final PojoSerializer<APIGatewayProxyResponseEvent> RESPONSES = LambdaEventSerializers.serializerFor(
            APIGatewayProxyResponseEvent.class, EventInvoker.class.getClassLoader());

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;

    public EventInvoker(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        this.handler = handler;
    }

    /** Reads an event file; done before anything starts, so a bad file fails fast. */
    public static APIGatewayProxyRequestEvent read(Path eventFile) {
        try (InputStream in = Files.newInputStream(eventFile)) {
            APIGatewayProxyRequestEvent event = EVENTS.fromJson(in);
            if (event == null || event.getRequestContext() == null || event.getHttpMethod() == null) {
                throw StartupException.failure(eventFile + ": not an API Gateway REST API (payload 1.0) event");
            }
            return event;
        } catch (NoSuchFileException e) {
            throw StartupException.failure(eventFile + ": no such file");
        } catch (IOException e) {
            throw StartupException.failure(eventFile + ": cannot be read (" + e.getMessage() + ")");
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StartupException.failure(eventFile + ": not an API Gateway REST API event ("
                    + Messages.rootCause(e, MAX_MESSAGE) + ")");
        }
    }

    /** @return the handler's response, as the runtime would serialise it */
    public String invoke(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, LocalLambdaContext.toStandardError(UUID.randomUUID().toString()));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RESPONSES.toJson(response, json);
        return json.toString(StandardCharsets.UTF_8);
    }
}
