package io.tglive.config;

import java.util.Optional;

/**
 * A {@code unit} or {@code stack} block of a {@code terragrunt.stack.hcl}, evaluated.
 *
 * @param kind {@code unit} or {@code stack}
 * @param name the block's label
 * @param source the {@code source} attribute, empty when it could not be evaluated to a string
 * @param path the {@code path} attribute, empty when it could not be evaluated to a string
 * @param noDotTerragruntStack {@code no_dot_terragrunt_stack}: generate next to the stack file
 *     instead of into its {@code .terragrunt-stack}
 * @param values the {@code values} attribute: absent, or a value that may hold unknowns
 * @param location where the block starts
 * @param problem why {@code source} or {@code path} could not be evaluated, or empty
 */
public record StackComponent(
    String kind,
    String name,
    Optional<String> source,
    Optional<String> path,
    boolean noDotTerragruntStack,
    Optional<Value> values,
    Location location,
    Optional<String> problem) {}
