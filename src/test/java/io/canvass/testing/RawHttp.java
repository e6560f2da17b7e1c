package io.canvass.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests ordinary clients refuse to send or shape differently:
 * request lines and headers over the server's limits, control characters in header values, and
 * chunked bodies of a chosen size. Stops sending a body as soon as the server answers.
 */
public final class RawHttp {

    /** A response: status, headers (names lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and no body. */
    public static Answer send(URI base, String head) throws IOException {
        return send(base, head, null, 0);
    }

    /** Sends {@code head} with a Content-Length and {@code body} (UTF-8). */
    public static Answer send(URI base, String head, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code head} and then {@code total} bytes of body in chunks of {@code chunk}, produced
     * by repeating {@code filler}; the head must say {@code Transfer-Encoding: chunked}.
     */
    public static Answer send(URI base, String head, byte[] filler, long total) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (filler != null) {
                writeChunks(out, in, filler, total);
            }
            return read(in);
        }
    }

    /** A chunked body, stopped early when the server has answered (or closed). */
    private static void writeChunks(OutputStream out, InputStream in, byte[] filler, long total) throws IOException {
        long sent = 0;
        try {
            while (sent < total) {
                if (in.available() > 0) {
                    return;
                }
                int n = (int) Math.min(filler.length, total - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(filler, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException closedWhileSending) {
            // the server answered and closed the connection; its answer is read next
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 0;
        long expected = -1;
        boolean chunked = false;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException reset) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                String[] lines = text.substring(0, headEnd).split("\r\n");
                status = Integer.parseInt(lines[0].split(" ")[1]);
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
                expected = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : -1;
                chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
            }
            if (headEnd >= 0) {
                int bodyBytes = all.size() - headEnd - 4;
                if ((expected >= 0 && bodyBytes >= expected) || (chunked && text.endsWith("0\r\n\r\n"))) {
                    break;
                }
            }
        }
        if (headEnd < 0) {
            throw new IOException("no HTTP answer; got: " + all.toString(StandardCharsets.ISO_8859_1));
        }
        byte[] bytes = all.toByteArray();
        String body = new String(bytes, headEnd + 4, bytes.length - headEnd - 4, StandardCharsets.UTF_8);
        if (chunked) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
