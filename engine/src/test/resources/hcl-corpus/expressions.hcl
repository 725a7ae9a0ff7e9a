locals {
  numbers   = [1, 2.5, 3e2, -4, 0.001]
  math      = (1 + 2) * 3 / 4 % 5 - -6
  logic     = !true || false && (1 < 2) == (3 >= 2) != (4 <= 5) && 6 > 5
  cond      = length(local.numbers) > 0 ? local.numbers[0] : null
  upper     = [for n in local.names : upper(n) if n != "b"]
  indexed   = {for i, n in local.names : n => i}
  grouped   = {for n in local.names : substr(n, 0, 1) => n...}
  ids       = aws_instance.web.*.id
  full      = aws_instance.web[*].network_interface[0].id
  legacy    = local.numbers.0
  expanded  = max(local.numbers...)
  provider  = provider::terraform::encode_tfvars({ a = 1 })
  keyed     = { (local.key) = "v", "quoted key" : 2, bare = 3 }
  multiline = concat(
    ["a"],
    [
      "b",
      "c",
    ],
  )
}
