package io.jenkins.plugins.tglive;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public and protected API of a class as text lines, {@code owner<TAB>kind<TAB>signature}, from
 * reflection's generic strings (modifiers, type parameters with bounds, return type, parameters,
 * throws) and its direct generic supertypes. Shared by plugin-offline (which writes the stubs' lines to {@code stub-signatures.txt})
 * and plugin (which finds every such line in the real Jenkins class).
 */
public final class StubSignatures {

  /** The manifest's location on the test classpath of plugin, and below plugin/src/test/resources. */
  public static final String MANIFEST = "io/jenkins/plugins/tglive/stub-signatures.txt";

  /** The same for the stubs of test-scope APIs (test harness, workflow-job, JCasC...), plugin-offline's src/test-stubs. */
  public static final String TEST_MANIFEST = "io/jenkins/plugins/tglive/test-stub-signatures.txt";

  private StubSignatures() {}

  /** The lines of a class and, recursively, of its public and protected nested classes. */
  public static List<String> of(Class<?> type) {
    String owner = type.getName();
    List<String> lines = new ArrayList<>();
    lines.add(owner + "\ttype\t" + type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    Stream.concat(Stream.ofNullable(superclass).filter(s -> s != Object.class), Stream.of(type.getGenericInterfaces()))
        .map(s -> owner + "\tsupertype\t" + s.getTypeName())
        .sorted()
        .forEach(lines::add);
    Stream.of(type.getDeclaredConstructors())
        .filter(StubSignatures::visible)
        .map(c -> owner + "\tconstructor\t" + c.toGenericString())
        .sorted()
        .forEach(lines::add);
    Stream.of(type.getDeclaredMethods())
        .filter(m -> visible(m) && !m.isBridge())
        .map(m -> owner + "\tmethod\t" + m.toGenericString())
        .sorted()
        .forEach(lines::add);
    Stream.of(type.getDeclaredFields())
        .filter(StubSignatures::visible)
        .map(f -> owner + "\tfield\t" + f.toGenericString())
        .sorted()
        .forEach(lines::add);
    Stream.of(type.getDeclaredClasses())
        .filter(c -> (c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0)
        .sorted(Comparator.comparing(Class::getName))
        .forEach(c -> lines.addAll(of(c)));
    return lines;
  }

  private static boolean visible(Member member) {
    return !member.isSynthetic() && (member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
  }

  /** The owner (class name) of a manifest line. */
  public static String owner(String line) {
    return line.substring(0, line.indexOf('\t'));
  }
}
