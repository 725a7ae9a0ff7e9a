package io.tglive.run.codebuild;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code moto_server} (PyPI {@code moto[server]}) on a free local port, started as a child
 * process and stopped with its process tree. Tests that need it are skipped when the command is absent.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto, or skips the calling test (JUnit assumption) when {@code moto_server} is not on the PATH. */
    public static MotoServer start(Path logFile) throws IOException, InterruptedException {
        Optional<Path> command = onPath("moto_server");
        assumeTrue(command.isPresent(),
                "moto_server is not on the PATH: install it with pip install 'moto[server]' (.ci/run does)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(command.get().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(Duration.ofSeconds(90), logFile);
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Clears every resource moto holds. */
    public void reset() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
        connection.setRequestMethod("POST");
        if (connection.getResponseCode() != 200) {
            throw new IOException("moto reset answered HTTP " + connection.getResponseCode());
        }
        connection.disconnect();
    }

    private void awaitReady(Duration limit, Path logFile) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + ": " + Files.readString(logFile));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() > 0) {
                    connection.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IOException("moto_server did not answer within " + limit + ": " + Files.readString(logFile));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
