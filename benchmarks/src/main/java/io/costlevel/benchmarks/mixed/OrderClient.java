package io.costlevel.benchmarks.mixed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark thread's client of {@link OrderService}: one kept-alive HTTP/1.1 connection, the same order posted on it
 * again and again, each reply read whole before the next request. Written on a plain socket, so that the client's own
 * work per request stays small against the server's.
 */
@State(Scope.Thread)
public class OrderClient {
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] request;
    private final StringBuilder line = new StringBuilder();

    @Setup(Level.Trial)
    public void connect(OrderService service) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), service.port());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        byte[] body = MixedService.ORDER.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + OrderService.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        socket.close();
    }

    /** Posts the order and returns the reply's body; a status other than 200 is an error, not a measurement. */
    String send() throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("the order service answered: " + status);
        }
        int length = -1;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("the order service's reply has no Content-Length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the order service closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
