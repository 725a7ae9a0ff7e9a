package io.tglive.run;

/** What a terragrunt command does to a unit; remote runners use it to know which files travel. */
public enum CommandKind {
    /** {@code terragrunt --version}: detects the installed spelling once per run. */
    VERSION,
    /** {@code plan -out=<plan file>}, or {@code plan -destroy -out=…}: writes the plan file. */
    PLAN,
    /** {@code show -json <plan file>}: reads the plan file, prints JSON on stdout. */
    SHOW,
    /** {@code apply <plan file>}: reads the plan file, changes infrastructure. */
    APPLY,
    /** {@code output -json}, {@code state pull}, {@code run -- providers}: read-only queries. */
    QUERY
}
