package io.canvass.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests built from a {@link Destination}, sent with the Vert.x HTTP client the channels use:
 * they reach the address that was checked whatever the name resolves to afterwards, and carry
 * the name in the Host header, the TLS SNI and the certificate check.
 */
class PinnedRequestTest {

    static Vertx vertx;
    static HttpServer plain;
    static HttpServer tls;
    static Path keystore;
    static final List<String> hosts = new CopyOnWriteArrayList<>();
    static final List<String> serverNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void servers(@TempDir Path dir) throws Exception {
        keystore = dir.resolve("rebind.p12");
        // a certificate for the name only (no IP address in it), made with the JDK's keytool
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "rebind", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=rebind.test",
                "-ext", "SAN=dns:rebind.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "secret", "-keypass", "secret").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(keystore)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        vertx = Vertx.vertx();
        plain = vertx.createHttpServer().requestHandler(request -> {
            hosts.add(request.getHeader("Host"));
            request.response().setStatusCode(204).end();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("secret")))
                .requestHandler(request -> {
                    serverNames.add(String.valueOf(request.connection().indicatedServerName()));
                    request.response().setStatusCode(204).end();
                }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HttpClientResponse send(HttpClient client, Destination destination) throws Exception {
        return client.request(destination.requestOptions(HttpMethod.POST))
                .compose(request -> request.send(Buffer.buffer("{}")))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithTheNameAsHost() throws Exception {
        // the name exists nowhere but in this resolver, which rebinds it to an unreachable address after the first answer
        OutboundGuardTest.ScriptedResolver dns = new OutboundGuardTest.ScriptedResolver(
                new String[] { "127.0.0.1" }, new String[] { "192.0.2.1" });
        Destination destination = new OutboundGuard(dns)
                .check("http://rebind.test:" + plain.actualPort() + "/hook", Reach.PUBLIC_AND_LOOPBACK).await().atMost(OutboundGuardTest.WAIT);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));

        assertEquals(204, send(client, destination).statusCode());
        assertEquals(204, send(client, destination).statusCode());

        assertEquals(List.of("rebind.test:" + plain.actualPort(), "rebind.test:" + plain.actualPort()), hosts);
        assertEquals(1, dns.lookups.get(), "the name was looked up once, by the guard");
    }

    @Test
    void overTlsTheNameIsSentAsSniAndTheCertificateIsCheckedAgainstIt() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true).setForceSni(true).setConnectTimeout(2000)
                .setTrustOptions(new PfxOptions().setPath(keystore.toString()).setPassword("secret")));
        OutboundGuard guard = new OutboundGuard(new OutboundGuardTest.ScriptedResolver(new String[] { "127.0.0.1" }));

        Destination rebind = guard.check("https://rebind.test:" + tls.actualPort() + "/hook", Reach.PUBLIC_AND_LOOPBACK)
                .await().atMost(OutboundGuardTest.WAIT);
        assertEquals(204, send(client, rebind).statusCode(), "a certificate for the name, at the pinned address, is accepted");
        assertEquals(List.of("rebind.test"), serverNames);

        Destination other = guard.check("https://other.test:" + tls.actualPort() + "/hook", Reach.PUBLIC_AND_LOOPBACK)
                .await().atMost(OutboundGuardTest.WAIT);
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(client, other),
                "the same address under another name fails the certificate check");
        assertInstanceOf(SSLHandshakeException.class, rootOrSsl(e));
    }

    private static Throwable rootOrSsl(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return t;
            }
        }
        return e;
    }
}
