package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An agent on this machine, behaving as Jenkins' local launcher and file paths do: {@code launch()}
 * starts a real process with the overriding environment, working directory and output streams it was
 * given; {@code joinWithTimeout} waits for it (killing it at the timeout) and for its output;
 * {@code kill} of a process stops its tree, and {@code Launcher.kill(vars)} stops every process it
 * started whose environment holds all of {@code vars}. File paths resolve {@code child} as Jenkins
 * does and run callables on the local file after a serialization round trip, as over a channel.
 */
final class LocalAgent {

  /** Processes started, with the environment overrides they were given. */
  final List<Map.Entry<Map<String, String>, Process>> started = new CopyOnWriteArrayList<>();
  final Launcher launcher = mock(Launcher.class);
  private final Map<String, FilePath> paths = new ConcurrentHashMap<>();

  LocalAgent() throws Exception {
    when(launcher.launch()).thenAnswer(invocation -> starter());
    doAnswer(invocation -> {
      Map<String, String> vars = invocation.getArgument(0);
      for (Map.Entry<Map<String, String>, Process> process : started) {
        if (!vars.isEmpty() && process.getKey().entrySet().containsAll(vars.entrySet())) {
          stop(process.getValue());
        }
      }
      return null;
    }).when(launcher).kill(anyMap());
  }

  /** The file path of {@code remote} on this agent. */
  FilePath path(String remote) {
    return paths.computeIfAbsent(remote, this::newPath);
  }

  private FilePath newPath(String remote) {
    FilePath path = mock(FilePath.class);
    when(path.getRemote()).thenReturn(remote);
    when(path.child(anyString())).thenAnswer(invocation -> {
      String child = invocation.getArgument(0);
      return path(child.startsWith("/") ? child : new File(remote, child).getPath());
    });
    try {
      when(path.act(any())).thenAnswer(invocation -> {
        FilePath.FileCallable<?> callable = TerragruntStackCallableTest.overTheWire(invocation.getArgument(0));
        return TerragruntStackCallableTest.overTheWire(callable.invoke(new File(remote), null));
      });
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return path;
  }

  @SuppressWarnings("unchecked")
  private Launcher.ProcStarter starter() throws Exception {
    Launcher.ProcStarter starter = mock(Launcher.ProcStarter.class);
    Map<String, Object> settings = new ConcurrentHashMap<>();
    when(starter.cmds(any(List.class))).thenAnswer(i -> {
      settings.put("cmds", i.getArgument(0));
      return starter;
    });
    when(starter.envs(anyMap())).thenAnswer(i -> {
      settings.put("envs", i.getArgument(0));
      return starter;
    });
    when(starter.pwd(any(FilePath.class))).thenAnswer(i -> {
      settings.put("pwd", ((FilePath) i.getArgument(0)).getRemote());
      return starter;
    });
    when(starter.stdout(any(OutputStream.class))).thenAnswer(i -> {
      settings.put("stdout", i.getArgument(0));
      return starter;
    });
    when(starter.stderr(any(OutputStream.class))).thenAnswer(i -> {
      settings.put("stderr", i.getArgument(0));
      return starter;
    });
    when(starter.quiet(anyBoolean())).thenReturn(starter);
    when(starter.start()).thenAnswer(i -> start((List<String>) settings.get("cmds"),
        (Map<String, String>) settings.getOrDefault("envs", Map.of()), (String) settings.get("pwd"),
        (OutputStream) settings.get("stdout"), (OutputStream) settings.get("stderr")));
    return starter;
  }

  private Proc start(List<String> cmds, Map<String, String> envs, String pwd, OutputStream stdout,
      OutputStream stderr) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(cmds);
    if (pwd != null) {
      builder.directory(new File(pwd));
    }
    builder.environment().putAll(envs);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    started.add(Map.entry(Map.copyOf(envs), process));
    Thread out = pump(process.getInputStream(), stdout);
    Thread err = pump(process.getErrorStream(), stderr);
    Proc proc = mock(Proc.class);
    when(proc.joinWithTimeout(anyLong(), any(TimeUnit.class), any())).thenAnswer(i -> {
      long timeout = i.getArgument(0);
      TimeUnit unit = i.getArgument(1);
      if (!process.waitFor(timeout, unit)) {
        stop(process);
      }
      int exit = process.waitFor();
      out.join();
      err.join();
      return exit;
    });
    doAnswer(i -> {
      stop(process);
      return null;
    }).when(proc).kill();
    when(proc.isAlive()).thenAnswer(i -> process.isAlive());
    return proc;
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Thread pump(InputStream in, OutputStream sink) {
    Thread thread = new Thread(() -> {
      try (in) {
        in.transferTo(sink == null ? OutputStream.nullOutputStream() : sink);
      } catch (IOException e) {
        // the process was stopped
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
