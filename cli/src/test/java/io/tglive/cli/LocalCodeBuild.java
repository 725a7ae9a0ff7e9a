package io.tglive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted stand-in for AWS CodeBuild, S3, CloudWatch Logs and STS on 127.0.0.1 that runs each
 * build for real on this machine: {@code StartBuild} extracts the source revision of a git
 * repository into a fresh directory and runs the build's script (decoded from the buildspec
 * override, as CodeBuild would) under bash with the build's environment; its output lines become
 * the build's log events, its exit code the build's status. Inside builds, an {@code aws s3 cp}
 * stand-in maps {@code s3://bucket/key} to the same directory the stand-in's S3 serves. It records
 * every request with the access key that signed it. Used because real CodeBuild cannot run in a
 * test and moto's builds run nothing.
 */
final class LocalCodeBuild implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/");
  private static final Pattern SCRIPT = Pattern.compile("echo ([A-Za-z0-9+/=]+) \\| base64 -d");
  private static final String AWS_CLI = """
      #!/usr/bin/env bash
      # Stand-in for the AWS CLI: "aws s3 cp [--flags] SRC DST", s3://bucket/key lives under $FAKE_S3.
      [ "$1" = s3 ] && [ "$2" = cp ] || { echo "stand-in aws: unsupported: $*" >&2; exit 2; }
      shift 2
      args=()
      for a in "$@"; do case "$a" in --*) ;; *) args+=("$a") ;; esac; done
      map() { case "$1" in s3://*) echo "$FAKE_S3/${1#s3://}" ;; *) echo "$1" ;; esac; }
      dst="$(map "${args[1]}")"
      if [ "${args[0]}" = - ]; then mkdir -p "$(dirname "$dst")"; cat > "$dst"; exit 0; fi
      src="$(map "${args[0]}")"
      [ -f "$src" ] || { echo "fatal error: An error occurred (404) when calling the HeadObject operation" >&2; exit 1; }
      mkdir -p "$(dirname "$dst")"
      cp "$src" "$dst"
      """;

  /** One request: the operation, the access key that signed it, and its body. */
  record Request(String operation, String accessKey, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** One build: what it was started with, its log, and how it ended. */
  static final class Build {
    final String id;
    final String unit;
    final String command;
    final String serviceRole;
    final String signedBy;
    final List<String> log = new CopyOnWriteArrayList<>();
    volatile String status = "IN_PROGRESS";
    volatile Process process;

    Build(String id, String unit, String command, String serviceRole, String signedBy) {
      this.id = id;
      this.unit = unit;
      this.command = command;
      this.serviceRole = serviceRole;
      this.signedBy = signedBy;
    }
  }

  private final HttpServer server;
  private final Path repo;
  private final Path root;
  private final Path s3;
  private final Path bin;
  private final Map<String, String> buildEnvironment;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Build> builds = new ConcurrentHashMap<>();
  private final ExecutorService runs = Executors.newCachedThreadPool();

  /**
   * @param repo the git repository that is every build's source
   * @param root where builds are checked out and S3 objects kept
   * @param buildEnvironment the build image's environment, besides this machine's
   */
  LocalCodeBuild(Path repo, Path root, Map<String, String> buildEnvironment) throws IOException {
    this.repo = repo;
    this.root = root;
    this.s3 = Files.createDirectories(root.resolve("s3"));
    this.bin = Files.createDirectories(root.resolve("bin"));
    this.buildEnvironment = Map.copyOf(buildEnvironment);
    Path aws = bin.resolve("aws");
    Files.writeString(aws, AWS_CLI);
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests(String operation) {
    return requests.stream().filter(r -> r.operation().equals(operation)).toList();
  }

  List<Build> builds() {
    return List.copyOf(builds.values());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String body = new String(raw, StandardCharsets.UTF_8);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Matcher m = ACCESS_KEY.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      boolean signed = m.find();
      String accessKey = signed ? m.group(1) : "";
      String operation = target != null ? target.substring(target.indexOf('.') + 1)
          : signed && m.group(2).equals("sts") ? form(body).getOrDefault("Action", "sts")
          : "s3:" + exchange.getRequestMethod();
      requests.add(new Request(operation, accessKey, body));
      switch (operation) {
        case "StartBuild" -> json(exchange, JSON.createObjectNode().set("build", view(start(JSON.readTree(body),
            accessKey))));
        case "BatchGetBuilds" -> {
          ObjectNode answer = JSON.createObjectNode();
          ArrayNode list = answer.putArray("builds");
          for (JsonNode id : JSON.readTree(body).get("ids")) {
            Build build = builds.get(id.asText());
            if (build != null) {
              list.add(view(build));
            }
          }
          json(exchange, answer);
        }
        case "StopBuild" -> {
          Build build = builds.get(JSON.readTree(body).get("id").asText());
          if (build.process != null) {
            build.process.descendants().forEach(ProcessHandle::destroyForcibly);
            build.process.destroyForcibly();
          }
          build.status = "STOPPED";
          json(exchange, JSON.createObjectNode().set("build", view(build)));
        }
        case "ListBuildsForProject" -> {
          ObjectNode answer = JSON.createObjectNode();
          ArrayNode ids = answer.putArray("ids");
          builds.keySet().forEach(ids::add);
          json(exchange, answer);
        }
        case "GetLogEvents" -> logEvents(exchange, JSON.readTree(body));
        case "AssumeRole" -> assumeRole(exchange, form(body).get("RoleArn"));
        default -> s3(exchange, operation, raw);
      }
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private Build start(JsonNode request, String signedBy) throws IOException {
    String uuid = UUID.randomUUID().toString();
    String id = request.get("projectName").asText() + ":" + uuid;
    Map<String, String> environment = new HashMap<>(buildEnvironment);
    for (JsonNode variable : request.path("environmentVariablesOverride")) {
      environment.put(variable.get("name").asText(), variable.get("value").asText());
    }
    Build build = new Build(id, environment.get("TGLIVE_UNIT"), environment.get("TGLIVE_COMMAND"),
        request.path("serviceRoleOverride").asText(null), signedBy);
    builds.put(id, build);
    Matcher script = SCRIPT.matcher(request.get("buildspecOverride").asText());
    if (!script.find()) {
      throw new IllegalArgumentException("no script in the buildspec override");
    }
    Path dir = Files.createDirectories(root.resolve("builds").resolve(uuid));
    Path scriptFile = dir.resolve("command.sh");
    Files.write(scriptFile, Base64.getDecoder().decode(script.group(1)));
    Path source = Files.createDirectories(dir.resolve("src"));
    environment.put("CODEBUILD_BUILD_ID", id);
    environment.put("CODEBUILD_SRC_DIR", source.toString());
    environment.put("FAKE_S3", s3.toString());
    environment.put("PATH", bin + ":" + System.getenv("PATH"));
    String revision = request.get("sourceVersion").asText();
    runs.submit(() -> {
      try {
        ProcessBuilder checkout = new ProcessBuilder("sh", "-c", "git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"",
            "sh", repo.toString(), revision, source.toString()).redirectErrorStream(true);
        Process extract = checkout.start();
        String problem = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (extract.waitFor() != 0) {
          build.log.add("checkout of " + revision + " failed: " + problem);
          build.status = "FAILED";
          return;
        }
        ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(source.toFile())
            .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        build.process = process;
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            build.log.add(line);
          }
        }
        int code = process.waitFor();
        if (!"STOPPED".equals(build.status)) {
          build.status = code == 0 ? "SUCCEEDED" : "FAILED";
        }
      } catch (IOException | InterruptedException e) {
        build.log.add("stand-in failure: " + e);
        build.status = "FAULT";
      }
    });
    return build;
  }

  private static ObjectNode view(Build build) {
    ObjectNode b = JSON.createObjectNode().put("id", build.id).put("projectName", build.id.split(":")[0])
        .put("buildStatus", build.status).put("buildComplete", !"IN_PROGRESS".equals(build.status));
    b.putObject("logs").put("groupName", "/aws/codebuild/" + build.id.split(":")[0])
        .put("streamName", build.id.substring(build.id.indexOf(':') + 1));
    b.putArray("phases").addObject().put("phaseType", "SUBMITTED").put("phaseStatus", "SUCCEEDED");
    return b;
  }

  private void logEvents(HttpExchange exchange, JsonNode request) throws IOException {
    String stream = request.get("logStreamName").asText();
    Build build = builds.values().stream().filter(b -> b.id.endsWith(":" + stream)).findFirst().orElse(null);
    List<String> all = build == null ? List.of() : new ArrayList<>(build.log);
    int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText().substring(2)) : 0;
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode events = answer.putArray("events");
    for (int i = from; i < all.size(); i++) {
      events.addObject().put("timestamp", 1000L + i).put("ingestionTime", 1000L + i).put("message", all.get(i) + "\n");
    }
    answer.put("nextForwardToken", "f/" + all.size()).put("nextBackwardToken", "b/" + from);
    json(exchange, answer);
  }

  private static void assumeRole(HttpExchange exchange, String role) throws IOException {
    String name = role.substring(role.lastIndexOf('/') + 1);
    String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        + "<Credentials><AccessKeyId>ASIA" + name.toUpperCase().replace("-", "") + "</AccessKeyId>"
        + "<SecretAccessKey>role-secret-" + name + "-0123456789</SecretAccessKey>"
        + "<SessionToken>role-session-token-" + name + "-abcdefghij</SessionToken>"
        + "<Expiration>" + Instant.now().plusSeconds(3600) + "</Expiration></Credentials>"
        + "<AssumedRoleUser><Arn>" + role + "/s</Arn><AssumedRoleId>AROA:" + name + "</AssumedRoleId>"
        + "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId>"
        + "</ResponseMetadata></AssumeRoleResponse>";
    send(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private void s3(HttpExchange exchange, String operation, byte[] body) throws IOException {
    String key = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
    Path file = s3.resolve(key).normalize();
    if (!file.startsWith(s3)) {
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    switch (operation) {
      case "s3:PUT" -> {
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        Files.createDirectories(file.getParent());
        Files.write(file, sha != null && sha.startsWith("STREAMING-") ? unchunk(body) : body);
        send(exchange, 200, "text/plain", new byte[0]);
      }
      case "s3:HEAD" -> {
        boolean exists = Files.isRegularFile(file);
        exchange.getResponseHeaders().add("Content-Length", String.valueOf(exists ? Files.size(file) : 0));
        exchange.sendResponseHeaders(exists ? 200 : 404, -1);
      }
      case "s3:GET" -> {
        if (Files.isRegularFile(file)) {
          send(exchange, 200, "application/octet-stream", Files.readAllBytes(file));
        } else {
          send(exchange, 404, "application/xml", ("<Error><Code>NoSuchKey</Code><Message>The specified key does not"
              + " exist.</Message><Key>" + key + "</Key></Error>").getBytes(StandardCharsets.UTF_8));
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
      int size = Integer.parseInt(new String(body, at, eol - at, StandardCharsets.US_ASCII).split(";", 2)[0], 16);
      if (size == 0) {
        break;
      }
      out.write(body, eol + 2, size);
      at = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void json(HttpExchange exchange, JsonNode body) throws IOException {
    send(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("x-amzn-RequestId", "local-codebuild");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    builds.values().forEach(b -> {
      if (b.process != null) {
        b.process.descendants().forEach(ProcessHandle::destroyForcibly);
        b.process.destroyForcibly();
      }
    });
    runs.shutdownNow();
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
