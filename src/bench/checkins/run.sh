#!/usr/bin/env bash
# Check-in POST throughput and latency, side by side with the database's own ceiling for the
# same transaction (pgbench). See README.md in this folder. Needs root (PostgreSQL runs as the
# postgres user), wrk, PostgreSQL 15 server binaries, psql, pgbench, java, python3 and curl.
# Everything it starts is stopped on exit, and the temp dir is removed unless KEEP_TMP=1.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DURATION=${DURATION:-15}               # seconds per measurement
WARMUP=${WARMUP:-30}                   # seconds of HTTP warm-up (JIT, pool) before measuring
SQL_CLIENTS=${SQL_CLIENTS:-"4 8 16"}   # pgbench client counts
HTTP_CONNECTIONS=${HTTP_CONNECTIONS:-"4 8 16 32"}  # wrk connection counts
HALF_CONNECTIONS=${HALF_CONNECTIONS:-16}  # connections for the half-rate run (paced by think time)
REPS=${REPS:-20}                       # reps who check in (200 customers each)
SYNC_COMMIT=${SYNC_COMMIT:-off}        # synchronous_commit of the server, the same for both
SKIP_BUILD=${SKIP_BUILD:-0}

ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password

. "$HERE/../lib.sh"
bench_init wrk pgbench

START=$(date +%s)
build_app

# --- PostgreSQL 15, throwaway -------------------------------------------------------------
# Writes are measured, so durability stays on (fsync, full pages); synchronous_commit is off by
# default so that both sides measure CPU and round trips rather than this shared disk's flush
# latency (SYNC_COMMIT=on to measure with it). pg_stat_statements counts the app's statements.
start_postgres <<EOF
shared_buffers = 512MB
synchronous_commit = $SYNC_COMMIT
max_wal_size = 4GB
shared_preload_libraries = 'pg_stat_statements'
EOF
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($TMP/pg), synchronous_commit=$SYNC_COMMIT"
psql -q -c "create extension pg_stat_statements"

# --- the app: Flyway creates the schema, the admin is bootstrapped --------------------------
start_app

# --- data set -----------------------------------------------------------------------------
log "generating 10,000 customers with a pending follow-up each; $REPS reps check in"
timeout 300 psql -q -X -v admin_email="$ADMIN_EMAIL" -v reps="$REPS" -f "$HERE/seed.sql" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; die "generating the data set failed"; }
timeout 300 psql -q -X -c "vacuum (analyze) customer, follow_up, app_user, team, team_manager, bench_site"
SITES=$(psql -Atc "select count(*) from bench_site")
psql -Atc "select rep_k, customer_id, lat, lng from bench_site order by n" | tr '|' ' ' >"$TMP/sites.txt"

login() {
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$ADMIN_PASSWORD\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}
: >"$TMP/rep.tokens"
for k in $(seq 1 "$REPS"); do login "$(printf 'rep%02d@bench.canvass.io' "$k")" >>"$TMP/rep.tokens"; done

# one check-in by hand: it must be recorded (201) and verified
read -r k cid lat lng < <(head -1 "$TMP/sites.txt")
body=$(printf '{"clientId":"%s","customerId":"%s","clientTime":"%s","position":{"lat":%s,"lng":%s,"accuracy":18,"fixAge":5},"purpose":"FOLLOW_UP","outcome":"probe"}' \
  "$(python3 -c 'import uuid; print(uuid.uuid4())')" "$cid" "$(date -u -d '-1 min' +%FT%TZ)" "$lat" "$lng")
code=$(curl -s -o "$TMP/probe.json" -w '%{http_code}' -X POST "$BASE/api/v1/checkins" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $(sed -n "$((k + 1))p" "$TMP/rep.tokens")" -d "$body")
[ "$code" = 201 ] || { cat "$TMP/probe.json" >&2; die "the probe check-in answered $code"; }
echo "probe check-in: $(cat "$TMP/probe.json")" >&2

# --- measurements -------------------------------------------------------------------------
RESULTS="$TMP/results.txt"
: >"$RESULTS"

run_wrk() { # label connections seconds [env...] -> RESULT line, also appended to RESULTS
  local label=$1 c=$2 d=$3; shift 3
  local line app0 pg0 n
  app0=$(cpu_ms app); pg0=$(cpu_ms pg)
  line=$(env BENCH_TOKENS="$TMP/rep.tokens" BENCH_SITES="$TMP/sites.txt" "$@" \
    timeout $(( d + 30 )) wrk -t1 -c"$c" -d"$d"s --timeout 10s -s "$HERE/checkin.lua" "$BASE/api/v1/checkins" \
    | grep '^RESULT' || echo "RESULT failed")
  n=$(field "$line" requests); n=${n:-0}
  line="$line app_cpu_us=$(( ($(cpu_ms app) - app0) * 1000 / (n > 0 ? n : 1) )) pg_cpu_us=$(( ($(cpu_ms pg) - pg0) * 1000 / (n > 0 ? n : 1) ))"
  echo "$label c=$c ${line#RESULT }" | tee -a "$RESULTS" >&2
}

run_pgbench() { # clients -> result line appended to RESULTS
  local c=$1 pg0
  rm -f "$TMP"/pgbtx.*
  pg0=$(cpu_ms pg)
  if ! (cd "$TMP" && timeout $(( DURATION + 30 )) pgbench -n -M prepared -c "$c" -j 1 -T "$DURATION" -l --log-prefix=pgbtx \
      -D clients="$c" -D per_client=$(( SITES / c )) -f "$HERE/checkin.pgbench.sql" canvass >"$TMP/pgbench.out" 2>&1); then
    cat "$TMP/pgbench.out" >&2; echo "sql c=$c failed" >>"$RESULTS"; return
  fi
  grep -E 'failed|aborted' "$TMP/pgbench.out" >&2 || true
  # pgbench log: client tx latency_us ...; errors would show as non-numeric latency
  local stats
  stats=$(cat "$TMP"/pgbtx.* | awk '$3 ~ /^[0-9]+$/ {print $3}' | sort -n | awk -v d="$DURATION" '
    { v[NR] = $1 } END {
      if (NR == 0) { print "requests=0"; exit }
      i50 = int(NR * 0.50); if (i50 < 1) i50 = 1
      i90 = int(NR * 0.90); if (i90 < 1) i90 = 1
      i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
      printf "requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", NR, NR / d,
        v[i50] / 1000, v[i90] / 1000, v[i99] / 1000, v[NR] / 1000 }')
  local n
  n=$(field " $stats" requests); n=${n:-0}
  echo "sql c=$c $stats pg_cpu_us=$(( ($(cpu_ms pg) - pg0) * 1000 / (n > 0 ? n : 1) ))" | tee -a "$RESULTS" >&2
}

# CPU time (ms) used so far by the app, and by this PostgreSQL (postmaster and its backends):
# divided by the requests of a run, what one check-in costs each side on this machine.
PG_PID=$(head -1 "$TMP/pg/data/postmaster.pid")
cpu_ms() { # app|pg
  local pids
  if [ "$1" = app ]; then pids=$APP_PID; else pids="$PG_PID $(pgrep -P "$PG_PID" | tr '\n' ' ')"; fi
  # shellcheck disable=SC2086
  for p in $pids; do cat "/proc/$p/stat" 2>/dev/null || true; done \
    | awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%d", t * 1000 / hz }'
}

field() { # results-line key -> value
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# Half the maximum rate, with the same HTTP client: wrk has no constant-rate mode, so each of
# HALF_CONNECTIONS connections waits a think time between a response and its next request.
# The think time is calibrated in two short runs, then measured; the achieved rate is reported.
half_rate() { # label target-rps [env...]
  local label=$1 target=$2; shift 2
  local c=$HALF_CONNECTIONS delay line rate p50
  delay=$(python3 -c "print(max(0, int(1000 * $c / $target) - 5))")
  for _ in 1 2; do
    line=$(env BENCH_TOKENS="$TMP/rep.tokens" BENCH_SITES="$TMP/sites.txt" BENCH_DELAY_MS="$delay" "$@" \
      timeout 40 wrk -t1 -c"$c" -d5s --timeout 10s -s "$HERE/checkin.lua" "$BASE/api/v1/checkins" | grep '^RESULT' || true)
    rate=$(field "$line" rps); p50=$(field "$line" p50_ms)
    [ -n "$rate" ] || break
    # rate = c / (delay + latency): solve for the delay that gives the target
    delay=$(python3 -c "print(max(0, round(1000 * $c / $target - $p50)))")
    echo "calibration: ${rate} req/s, p50 ${p50} ms -> think time ${delay} ms" >&2
  done
  run_wrk "$label" "$c" "$DURATION" BENCH_DELAY_MS="$delay" "$@"
}

log "warm-up: ${WARMUP}s at 8 connections (plain, then ${WARMUP}s with Idempotency-Key)"
run_wrk warmup 8 "$WARMUP" >/dev/null 2>&1
run_wrk warmup-idem 8 "$WARMUP" BENCH_IDEMPOTENCY=1 >/dev/null 2>&1

# Statements per check-in, counted by PostgreSQL for the app's role over a short run at 4
# connections: every one is a round trip from the app (BEGIN and COMMIT included).
log "statements the app sends per check-in"
psql -q -X -c "select pg_stat_statements_reset()" >/dev/null
before=$(psql -Atc "select count(*) from check_in")
sessions0=$(psql -Atc "select sessions from pg_stat_database where datname = 'canvass'")
run_wrk count-plain 4 5 >/dev/null 2>&1
after=$(psql -Atc "select count(*) from check_in")
echo "database sessions opened meanwhile: $(( $(psql -Atc "select sessions from pg_stat_database where datname = 'canvass'") - sessions0 - 2 ))" >&2
psql -X -v n=$(( after - before )) -f - <<'EOF' | tee "$TMP/statements.txt" >&2
select s.calls, round(s.calls::numeric / :n, 2) as per_checkin, round(s.mean_exec_time::numeric, 3) as mean_ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 110) as statement
from pg_stat_statements s join pg_roles r on r.oid = s.userid
where r.rolname = 'canvass' and s.calls >= :n / 2
order by s.calls desc, s.query;
select :n as checkins, sum(s.calls) as statements, round(sum(s.calls)::numeric / :n, 1) as statements_per_checkin,
       round(sum(s.total_exec_time)::numeric / :n, 3) as db_ms_per_checkin
from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'canvass';
EOF
STMTS=$(psql -Atc "select round(sum(s.calls)::numeric / $(( after - before )), 1) from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'canvass'")

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for c in $SQL_CLIENTS; do
  log "SQL: pgbench check-in transaction, $c clients, ${DURATION}s"
  run_pgbench "$c"
done
for c in $HTTP_CONNECTIONS; do
  log "HTTP: POST /api/v1/checkins, $c connections, ${DURATION}s"
  run_wrk http "$c" "$DURATION"
done
for c in $HTTP_CONNECTIONS; do
  log "HTTP with Idempotency-Key, $c connections, ${DURATION}s"
  run_wrk http-idem "$c" "$DURATION" BENCH_IDEMPOTENCY=1
done

best() { # label -> highest rps among its lines
  awk -v l="$1" '$1 == l { for (i = 3; i <= NF; i++) if ($i ~ /^rps=/) { v = substr($i, 5) + 0; if (v > m) m = v } } END { print m + 0 }' "$RESULTS"
}
MAX_HTTP=$(best http); MAX_IDEM=$(best http-idem)
log "HTTP at half the maximum rate ($MAX_HTTP / 2 req/s), $HALF_CONNECTIONS paced connections"
half_rate http-half "$(python3 -c "print($MAX_HTTP / 2)")"
log "HTTP with Idempotency-Key at half its maximum rate ($MAX_IDEM / 2 req/s)"
half_rate http-idem-half "$(python3 -c "print($MAX_IDEM / 2)")" BENCH_IDEMPOTENCY=1
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

errors=$(grep -c ' ERROR \| Exception' "$TMP/app.log" || true)
[ "$errors" = 0 ] || { echo "the app logged $errors errors (requests still in flight when wrk closes its connections at the end of a run are cancelled and logged); the last ones:" >&2; grep ' ERROR ' "$TMP/app.log" | tail -5 >&2; }

# --- summary --------------------------------------------------------------------------------
log "summary (latencies in ms)"
python3 - "$RESULTS" "$STMTS" <<'EOF'
import sys
rows = []
for line in open(sys.argv[1]):
    label, conc, *kv = line.split()
    d = dict(x.split("=", 1) for x in kv if "=" in x)
    if "rps" in d:
        rows.append((label, int(conc[2:]), {k: float(v) for k, v in d.items()}))
def best(label):
    cands = [r for r in rows if r[0] == label]
    return max(cands, key=lambda r: r[2]["rps"]) if cands else None
def cpu(d, k):
    return f"{d[k] / 1000:.2f}" if k in d else "-"
print(f"{'what':<16}{'conc':>5}{'req/s':>9}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}{'errors':>8} | CPU ms per request: {'app':>6}{'pg':>6}")
for label, c, d in rows:
    print(f"{label:<16}{c:>5}{d['rps']:>9.0f}{d['p50_ms']:>8.2f}{d['p90_ms']:>8.2f}{d['p99_ms']:>8.2f}{d['max_ms']:>8.1f}{int(d.get('errors', 0)):>8} | "
          f"{'':<20}{cpu(d, 'app_cpu_us'):>6}{cpu(d, 'pg_cpu_us'):>6}")
sql = best("sql")
print()
if sql:
    print(f"pgbench ceiling: {sql[2]['rps']:.0f} tx/s at {sql[1]} clients (p50 {sql[2]['p50_ms']:.2f} ms, p99 {sql[2]['p99_ms']:.2f} ms)")
for label, half in (("http", "http-half"), ("http-idem", "http-idem-half")):
    top, h = best(label), best(half)
    if not top or not sql:
        continue
    print(f"{label:<10} max {top[2]['rps']:.0f} req/s at {top[1]} connections (p50 {top[2]['p50_ms']:.2f}, p99 {top[2]['p99_ms']:.2f} ms)"
          f" = {100 * top[2]['rps'] / sql[2]['rps']:.0f} % of the pgbench ceiling (target >= 50 %)")
    if h:
        print(f"{'':<10} at half rate: {h[2]['rps']:.0f} req/s, p50 {h[2]['p50_ms']:.2f} ms, p99 {h[2]['p99_ms']:.2f} ms (target p99 <= 50 ms)")
print(f"statements the app sends per check-in (no Idempotency-Key): {sys.argv[2]}; the pgbench script sends 5")
EOF
echo "load average (1/5/15 min) on this $(nproc)-core machine: $LOAD_BEFORE before the measurements, $LOAD_AFTER after"
echo "total run time: $(( $(date +%s) - START )) s" >&2
