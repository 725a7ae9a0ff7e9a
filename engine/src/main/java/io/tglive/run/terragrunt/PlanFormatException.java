package io.tglive.run.terragrunt;

/** {@code show -json} printed something that is not a plan. */
public class PlanFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public PlanFormatException(String message) {
    super(message);
  }
}
