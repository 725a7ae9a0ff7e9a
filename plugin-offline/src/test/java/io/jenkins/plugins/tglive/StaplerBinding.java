package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Binds submitted JSON to objects as Stapler's {@code bindJSON} / {@code bindJSONToList} do: the
 * {@link DataBoundConstructor} gets the values named like its parameters, then each
 * {@link DataBoundSetter} whose property is present is called; a JSONObject where a list is bound
 * is a list of one. Covers the types the plugin's describables use: String, int, boolean, List of String.
 * (The offline build compiles with {@code -parameters}; Stapler gets the names from its annotation processor.)
 */
final class StaplerBinding {

  private StaplerBinding() {}

  /** A request whose {@code bindJSONToList} binds for real. */
  static StaplerRequest2 request() {
    StaplerRequest2 request = mock(StaplerRequest2.class);
    when(request.bindJSONToList(any(), any())).thenAnswer(invocation -> bindList(
        invocation.getArgument(0), invocation.getArgument(1)));
    return request;
  }

  static <T> List<T> bindList(Class<T> type, Object src) throws ReflectiveOperationException {
    List<T> bound = new ArrayList<>();
    if (src instanceof JSONObject object) {
      bound.add(bind(type, object));
    } else if (src instanceof JSONArray array) {
      for (Object element : array) {
        bound.add(bind(type, (JSONObject) element));
      }
    }
    return bound;
  }

  static <T> T bind(Class<T> type, JSONObject json) throws ReflectiveOperationException {
    Constructor<?> constructor = Arrays.stream(type.getConstructors())
        .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(type + " has no @DataBoundConstructor"));
    Parameter[] parameters = constructor.getParameters();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      if (!parameters[i].isNamePresent()) {
        throw new IllegalStateException("compile with -parameters to bind " + type);
      }
      arguments[i] = convert(json.opt(parameters[i].getName()), parameters[i].getParameterizedType());
    }
    T object = type.cast(constructor.newInstance(arguments));
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
        String property = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
        if (json.has(property)) {
          method.invoke(object, convert(json.get(property), method.getGenericParameterTypes()[0]));
        }
      }
    }
    return object;
  }

  private static Object convert(Object value, Type type) {
    if (type == int.class) {
      return value == null ? 0 : value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
    }
    if (type == boolean.class) {
      return value != null && Boolean.parseBoolean(value.toString());
    }
    if (value == null || value instanceof net.sf.json.JSONNull) {
      return null;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      List<Object> values = new ArrayList<>();
      for (Object element : value instanceof JSONArray array ? array : JSONArray.fromObject(List.of(value))) {
        values.add(element.toString());
      }
      return values;
    }
    return value.toString();
  }
}
