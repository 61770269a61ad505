package invoicegroups.local.server;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers by itself (a request it cannot parse: 400, 414, 431; an exception out of a handler: 500), in the
 * shape of the route the request was for, or API Gateway's {@code {"message"}} when the request is too broken to
 * tell. Jetty's own error pages are HTML with the exception's text; these never are.
 *
 * <p>A status of 500 or more caused by the request itself (Jetty answers 505 for an unknown HTTP version and 501 for
 * an unknown transfer coding) becomes a 400: only the runner's own faults are 5xx.
 */
final class JsonErrors implements Request.Handler {

    private final Function<Request, ErrorShape> shapes;

    JsonErrors(Function<Request, ErrorShape> shapes) {
        this.shapes = shapes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
        Throwable cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable failure
                ? failure : null;
        if (status >= 500 && causedByRequest(cause)) {
            status = 400;
        }
        ErrorShape shape;
        try {
            shape = shapes.apply(request);
        } catch (RuntimeException unreadable) {
            shape = ErrorShape.API;
        }
        String reason = HttpStatus.getMessage(status);
        HttpReply reply = shape.status(status, reason == null ? "Error" : reason);
        response.setStatus(reply.status());
        reply.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private static boolean causedByRequest(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpException) {
                return true;
            }
        }
        return false;
    }

}
