# Sourced by examples/demo.sh and scripts/bench-real-run (needs $top, the repository root).
# The voters, in a second process: every 2 s, `tglive gates` lists the run's open gates and alice,
# bob and carol approve each one with `tglive approve` until it passes; it stops when the run ends.
# TGLIVE_VOTERS_QUIET=1 keeps the votes out of the output.
voters() {
  local run="$1"
  until [ -f "$run/journal.jsonl" ] && grep -q '"RUN_ENDED"' "$run/journal.jsonl"; do
    if [ -f "$run/journal.jsonl" ]; then
      open="$("$top/tglive" gates --run "$run" 2>/dev/null || true)"
      sed -n 's/^\(.*\)  open$/\1/p' <<<"$open" | while read -r unit; do
        for voter in alice bob carol; do
          gates="$("$top/tglive" gates --run "$run" 2>/dev/null || true)"
          grep -qxF "$unit  open" <<<"$gates" || break
          voted="$("$top/tglive" approve --run "$run" --unit "$unit" --as "$voter" --comment "demo" 2>&1 || true)"
          [ "${TGLIVE_VOTERS_QUIET:-}" = 1 ] || echo "   [second process] tglive approve --unit $unit --as $voter: $voted"
        done
      done
    fi
    sleep 2
  done
}
