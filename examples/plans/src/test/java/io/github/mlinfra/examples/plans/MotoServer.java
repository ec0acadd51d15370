package io.github.mlinfra.examples.plans;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts {@code moto_server} (an AWS API implementation nobody here wrote) on a free loopback
 * port and stops it. Found on {@code PATH} or in pyenv's shims.
 */
final class MotoServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Where moto_server is, if anywhere.
     *
     * @return the executable
     */
    static Optional<Path> find() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "moto_server"));
        Stream<Path> pyenv = Stream.of(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server"));
        return Stream.concat(onPath, pyenv).filter(Files::isExecutable).findFirst();
    }

    static MotoServer start() throws IOException, InterruptedException {
        Path exe = find().orElseThrow(() -> new IllegalStateException("moto_server not found on PATH or in ~/.pyenv/shims"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of(exe.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        MotoServer server = new MotoServer(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + p.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(server.endpoint() + "/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s");
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
