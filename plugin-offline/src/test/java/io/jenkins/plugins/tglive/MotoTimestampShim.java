package io.jenkins.plugins.tglive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-only adapter for a moto incompatibility: moto's CodeBuild answers carry timestamps as ISO-8601
 * strings ({@code "2026-11-30T08:04:22.378Z"}), where AWS sends epoch seconds as JSON numbers, and the
 * Java SDK rejects such strings ("Input timestamp string must be no longer than 20 characters").
 * This interceptor rewrites them into epoch seconds before the SDK reads the answer. It is registered
 * for the test class path only ({@code software/amazon/awssdk/global/handlers/execution.interceptors})
 * and leaves every other answer untouched.
 */
public final class MotoTimestampShim implements ExecutionInterceptor {

    private static final Pattern ISO = Pattern.compile(
            "\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2}))\"");

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !"CodeBuild".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return body;
        }
        try (InputStream in = body.get()) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = ISO.matcher(json);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                OffsetDateTime time = OffsetDateTime.parse(m.group(1));
                BigDecimal seconds = BigDecimal.valueOf(time.toInstant().toEpochMilli()).movePointLeft(3);
                m.appendReplacement(out, seconds.toPlainString());
            }
            m.appendTail(out);
            return Optional.of(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
