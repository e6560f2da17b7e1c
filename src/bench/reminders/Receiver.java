import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's push service: accepts every POST under /push/ with 201 and counts each message's
 * Topic (the reminder's id), so repeats show as duplicates. GET /stats answers
 * "messages distinct duplicates bytes". Usage: java Receiver.java PORT
 */
public class Receiver {
    public static void main(String[] args) throws IOException {
        ConcurrentHashMap<String, Integer> topics = new ConcurrentHashMap<>();
        AtomicLong messages = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.createContext("/push/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                bytes.addAndGet(in.readAllBytes().length);
                String topic = exchange.getRequestHeaders().getFirst("Topic");
                boolean valid = topic != null && "aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        && String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).startsWith("vapid t=");
                if (!valid) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                messages.incrementAndGet();
                topics.merge(topic, 1, Integer::sum);
                exchange.sendResponseHeaders(201, -1);
            }
        });
        server.createContext("/stats", exchange -> {
            try (exchange) {
                long total = messages.get();
                byte[] body = (total + " " + topics.size() + " " + (total - topics.size()) + " " + bytes.get() + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("receiver on " + args[0]);
    }
}
