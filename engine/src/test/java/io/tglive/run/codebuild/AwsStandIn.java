package io.tglive.run.codebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for AWS faults that moto cannot produce: a scripted local HTTP server (127.0.0.1) that
 * speaks just enough CodeBuild, CloudWatch Logs, S3 and STS for the real AWS SDK. Tests script the
 * build's status per poll, the log events each poll reveals, S3 objects, and faults (throttling,
 * 429, 5xx, slow answers) served before the normal answer of an operation. It records every request.
 */
final class AwsStandIn implements AutoCloseable {

    static final String BUILD_ID = "tglive-units:0f5c2f7e-1d1b-4c55-9a53-2a1c7c0f0001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/");

    /** One recorded request: the operation, the access key that signed it and its body. */
    record Request(String operation, String accessKey, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A scripted fault: HTTP status, AWS error code and message, and a delay before answering. */
    record Fault(int status, String code, String message, long delayMillis) {
        static Fault throttling() {
            return new Fault(400, "ThrottlingException", "Rate exceeded", 0);
        }

        static Fault tooManyRequests() {
            return new Fault(429, "TooManyRequestsException", "Too many requests", 0);
        }

        static Fault unavailable() {
            return new Fault(503, "ServiceUnavailableException", "Service unavailable", 0);
        }

        static Fault slow(long millis) {
            return new Fault(0, null, null, millis);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> alwaysFaults = new ConcurrentHashMap<>();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> otherBuilds = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> statuses = new CopyOnWriteArrayList<>(List.of("SUCCEEDED"));
    private final List<List<String>> logsPerPoll = new CopyOnWriteArrayList<>();
    private final List<String> visibleLogs = new CopyOnWriteArrayList<>();
    private volatile ObjectNode phase;
    private volatile int polls;
    private volatile boolean stopped;
    private volatile JsonNode startedWith;

    AwsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The statuses successive BatchGetBuilds calls report; the last one repeats. */
    AwsStandIn statuses(String... values) {
        statuses.clear();
        statuses.addAll(List.of(values));
        return this;
    }

    /** The log events that appear with each successive BatchGetBuilds call. */
    AwsStandIn logsPerPoll(List<List<String>> events) {
        logsPerPoll.clear();
        logsPerPoll.addAll(events);
        return this;
    }

    /** The phase the build reports as failed, with a context message. */
    AwsStandIn failedPhase(String type, String status, String message) {
        ObjectNode p = JSON.createObjectNode().put("phaseType", type).put("phaseStatus", status);
        p.putArray("contexts").addObject().put("statusCode", "COMMAND_EXECUTION_ERROR").put("message", message);
        phase = p;
        return this;
    }

    /** Another build of the project, newest first in ListBuildsForProject, with its environment variables. */
    AwsStandIn otherBuild(String id, String status, Map<String, String> environment) {
        ObjectNode b = JSON.createObjectNode().put("id", id).put("projectName", "tglive-units").put("buildStatus", status);
        ArrayNode variables = b.putObject("environment").put("type", "LINUX_CONTAINER").putArray("environmentVariables");
        environment.forEach((name, value) -> variables.addObject().put("name", name).put("value", value).put("type", "PLAINTEXT"));
        otherBuilds.put(id, b);
        return this;
    }

    /** Serves {@code fault} for the next calls of {@code operation}, once per fault, before answering normally. */
    AwsStandIn fault(String operation, Fault... scripted) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(scripted));
        return this;
    }

    /** Serves {@code fault} for every call of {@code operation}. */
    AwsStandIn alwaysFault(String operation, Fault fault) {
        alwaysFaults.put(operation, fault);
        return this;
    }

    /** Stores an S3 object ({@code bucket/key}). */
    AwsStandIn object(String bucketAndKey, byte[] bytes) {
        objects.put(bucketAndKey, bytes);
        return this;
    }

    AwsStandIn object(String bucketAndKey, String text) {
        return object(bucketAndKey, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] object(String bucketAndKey) {
        return objects.get(bucketAndKey);
    }

    List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Matcher m = ACCESS_KEY.matcher(auth);
            boolean signed = m.find();
            String accessKey = signed ? m.group(1) : "";
            String service = signed ? m.group(2) : "";
            String operation;
            if (target != null) {
                operation = target.substring(target.indexOf('.') + 1);
            } else if ("sts".equals(service)) {
                operation = form(body).getOrDefault("Action", "sts");
            } else {
                operation = "s3:" + exchange.getRequestMethod();
            }
            requests.add(new Request(operation, accessKey, body));
            Fault fault = alwaysFaults.get(operation);
            if (fault == null) {
                Deque<Fault> queue = faults.get(operation);
                fault = queue == null ? null : queue.pollFirst();
            }
            if ("StartBuild".equals(operation) && (fault == null || fault.status() == 0)) {
                // created on arrival: a slow answer models a build CodeBuild made but has not yet confirmed
                startedWith = JSON.readTree(body).get("environmentVariablesOverride");
            }
            if (fault != null) {
                sleep(fault.delayMillis());
                if (fault.status() != 0) {
                    json(exchange, fault.status(), JSON.createObjectNode()
                            .put("__type", fault.code()).put("message", fault.message()));
                    return;
                }
            }
            switch (operation) {
                case "StartBuild" -> json(exchange, 200, JSON.createObjectNode().set("build", build("IN_PROGRESS")));
                case "BatchGetBuilds" -> {
                    ObjectNode answer = JSON.createObjectNode();
                    ArrayNode builds = answer.putArray("builds");
                    for (JsonNode id : JSON.readTree(body).get("ids")) {
                        ObjectNode other = otherBuilds.get(id.asText());
                        if (other != null) {
                            builds.add(other);
                            continue;
                        }
                        int poll = polls++;
                        if (poll < logsPerPoll.size()) {
                            visibleLogs.addAll(logsPerPoll.get(poll));
                        }
                        builds.add(build(stopped ? "STOPPED" : statuses.get(Math.min(poll, statuses.size() - 1))));
                    }
                    json(exchange, 200, answer);
                }
                case "ListBuildsForProject" -> {
                    ObjectNode answer = JSON.createObjectNode();
                    ArrayNode ids = answer.putArray("ids");
                    if (startedWith != null) {
                        ids.add(BUILD_ID);
                    }
                    otherBuilds.keySet().forEach(ids::add);
                    json(exchange, 200, answer);
                }
                case "StopBuild" -> {
                    ObjectNode other = otherBuilds.get(JSON.readTree(body).get("id").asText());
                    if (other != null) {
                        other.put("buildStatus", "STOPPED");
                        json(exchange, 200, JSON.createObjectNode().set("build", other));
                        return;
                    }
                    stopped = true;
                    json(exchange, 200, JSON.createObjectNode().set("build", build("STOPPED")));
                }
                case "GetLogEvents" -> getLogEvents(exchange, JSON.readTree(body));
                case "AssumeRole" -> assumeRole(exchange, form(body));
                default -> s3(exchange, operation, raw);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private ObjectNode build(String status) {
        ObjectNode b = JSON.createObjectNode().put("id", BUILD_ID).put("projectName", "tglive-units")
                .put("buildStatus", status).put("buildComplete", !"IN_PROGRESS".equals(status));
        if (startedWith != null) {
            b.putObject("environment").put("type", "LINUX_CONTAINER").set("environmentVariables", startedWith);
        }
        b.putObject("logs").put("groupName", "/aws/codebuild/tglive-units")
                .put("streamName", BUILD_ID.substring(BUILD_ID.indexOf(':') + 1));
        ArrayNode phases = b.putArray("phases");
        phases.addObject().put("phaseType", "SUBMITTED").put("phaseStatus", "SUCCEEDED");
        if (phase != null && !"IN_PROGRESS".equals(status)) {
            phases.add(phase);
        }
        return b;
    }

    private void getLogEvents(HttpExchange exchange, JsonNode request) throws IOException {
        int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText().substring(2)) : 0;
        int limit = 2; // small pages, so a poll reads several
        List<String> all = new ArrayList<>(visibleLogs);
        int to = Math.min(all.size(), from + limit);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode events = answer.putArray("events");
        for (int i = from; i < to; i++) {
            events.addObject().put("timestamp", 1000L + i).put("ingestionTime", 1000L + i).put("message", all.get(i) + "\n");
        }
        answer.put("nextForwardToken", "f/" + to).put("nextBackwardToken", "b/" + from);
        json(exchange, 200, answer);
    }

    private void assumeRole(HttpExchange exchange, Map<String, String> form) throws IOException {
        String role = form.get("RoleArn");
        String name = role.substring(role.lastIndexOf('/') + 1);
        String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>ASIA" + name.toUpperCase() + "</AccessKeyId>"
                + "<SecretAccessKey>role-secret-" + name + "-0123456789</SecretAccessKey>"
                + "<SessionToken>role-session-token-" + name + "-abcdefghij</SessionToken>"
                + "<Expiration>" + Instant.now().plusSeconds(3600) + "</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>" + role + "/s</Arn><AssumedRoleId>AROA:" + name + "</AssumedRoleId>"
                + "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>";
        send(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private void s3(HttpExchange exchange, String operation, byte[] body) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
        switch (operation) {
            case "s3:PUT" -> {
                String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                objects.put(path, sha != null && sha.startsWith("STREAMING-") ? unchunk(body) : body);
                send(exchange, 200, "text/plain", new byte[0]);
            }
            case "s3:HEAD" -> {
                byte[] bytes = objects.get(path);
                exchange.getResponseHeaders().add("Content-Length", String.valueOf(bytes == null ? 0 : bytes.length));
                exchange.sendResponseHeaders(bytes == null ? 404 : 200, -1);
            }
            case "s3:GET" -> {
                byte[] bytes = objects.get(path);
                if (bytes == null) {
                    send(exchange, 404, "application/xml", ("<Error><Code>NoSuchKey</Code><Message>The specified key"
                            + " does not exist.</Message><Key>" + path + "</Key></Error>").getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, "application/octet-stream", bytes);
                }
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
    }

    /** The payload of an {@code aws-chunked} body: {@code <hex size>;chunk-signature=…\r\n<bytes>\r\n}… until size 0. */
    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = at;
            while (body[eol] != '\r') {
                eol++;
            }
            String header = new String(body, at, eol - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0], 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "standin");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
