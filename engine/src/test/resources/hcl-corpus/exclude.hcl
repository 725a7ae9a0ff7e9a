exclude {
  if                   = feature.enabled.value == false
  actions              = ["plan", "apply"]
  exclude_dependencies = true
}

feature "enabled" {
  default = true
}

errors {
  retry "transient" {
    retryable_errors   = [".*Error: transient.*"]
    max_attempts       = 3
    sleep_interval_sec = 5
  }
  ignore "known" {
    ignorable_errors = [".*Known.*", "!.*Fatal.*"]
    message          = "ignored"
    signals = {
      alert_team = false
    }
  }
}

prevent_destroy = true
skip            = false
