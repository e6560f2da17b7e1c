# Shared set-up of the benchmarks in this folder: a throwaway PostgreSQL 15 and the packaged app
# against it, both on free loopback ports, stopped (and the temp dir removed unless KEEP_TMP=1) on
# exit. Source it after setting ROOT, PG_BIN, SKIP_BUILD, ADMIN_EMAIL and ADMIN_PASSWORD.

log() { printf '\n== %s  %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# bench_init TOOL...: checks the machine, makes $TMP and arms the clean-up.
bench_init() {
  [ "$(id -u)" = 0 ] || die "run as root (PostgreSQL is started with runuser -u postgres)"
  for tool in "$@" psql java python3 curl; do
    command -v "$tool" >/dev/null || die "$tool not found (wrk: apt-get install wrk)"
  done
  [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in $PG_BIN"
  TMP=$(mktemp -d /tmp/canvass-bench.XXXXXX)
  chmod 755 "$TMP"
  mkdir "$TMP/pg" "$TMP/run"
  chown postgres: "$TMP/pg" "$TMP/run"
  APP_PID=
  EXTRA_PIDS=
  PG_STARTED=0
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  local rc=$?
  for pid in $APP_PID ${EXTRA_PIDS:-}; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "$PG_STARTED" = 1 ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast -t 60 stop >/dev/null 2>&1 || true
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit $rc
}

build_app() {
  if [ "$SKIP_BUILD" != 1 ]; then
    log "building the packaged app"
    (cd "$ROOT" && ./mvnw -q package -DskipTests)
  fi
  [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || die "no target/quarkus-app/quarkus-run.jar"
}

# start_postgres: settings beyond port and sockets come on stdin (postgresql.conf lines). Creates
# the canvass role and database and exports PGHOST, PGPORT, PGUSER, PGDATABASE and PG_PORT.
start_postgres() {
  PG_PORT=$(free_port)
  runuser -u postgres -- "$PG_BIN/initdb" -D "$TMP/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  {
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 100\n" "$PG_PORT" "$TMP/run"
    cat
  } >>"$TMP/pg/data/postgresql.conf"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/server.log" -w -t 60 start >/dev/null
  PG_STARTED=1
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
  psql -q -d postgres -v ON_ERROR_STOP=1 \
    -c "create role canvass login password 'canvass-bench'" \
    -c "create database canvass owner canvass"
  export PGDATABASE=canvass
}

# start_app: the packaged app in prod mode against that database (Flyway creates the schema, the
# admin is bootstrapped); sets APP_PID, BASE (the API) and MGMT (health and metrics: the management
# interface, on a port of its own) and returns once it is ready and the admin exists.
# Its log is $TMP/${APP_LOG:-app.log}; a second replica: keep APP_PID in EXTRA_PIDS (stopped on
# exit too), set another APP_LOG and call it again.
start_app() {
  APP_PORT=$(free_port)
  MGMT_PORT=$(free_port)
  log "Canvass on 127.0.0.1:$APP_PORT (management on $MGMT_PORT)"
  (
    cd "$ROOT"
    export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/canvass"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/canvass"
    export QUARKUS_DATASOURCE_USERNAME=canvass QUARKUS_DATASOURCE_PASSWORD=canvass-bench
    export SMALLRYE_JWT_SIGN_KEY_LOCATION="$ROOT/src/test/resources/jwt/dev-only-private.pem"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/src/test/resources/jwt/dev-only-public.pem"
    export CANVASS_ADMIN_EMAIL=$ADMIN_EMAIL CANVASS_ADMIN_PASSWORD=$ADMIN_PASSWORD
    # limits stay in the request path (their cost is measured) but far above what a benchmark sends
    export CANVASS_RATE_LIMITS_WRITES_LIMIT=${CANVASS_RATE_LIMITS_WRITES_LIMIT:-100000000}
    export CANVASS_RATE_LIMITS_READS_LIMIT=${CANVASS_RATE_LIMITS_READS_LIMIT:-100000000}
    export CANVASS_RATE_LIMITS_AUTH_LIMIT=${CANVASS_RATE_LIMITS_AUTH_LIMIT:-100000}
    export CANVASS_WEBHOOKS_SECRET_KEY=${CANVASS_WEBHOOKS_SECRET_KEY:-ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=}
    export QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1
    export QUARKUS_MANAGEMENT_PORT=$MGMT_PORT QUARKUS_MANAGEMENT_HOST=127.0.0.1
    # push needs a VAPID pair in production; benchmarks that measure push set one (reminders/run.sh)
    [ -n "${CANVASS_PUSH_VAPID_PUBLIC_KEY:-}" ] || export CANVASS_PUSH_ENABLED=false
    # readable log lines (run.sh greps them for errors) instead of production's JSON
    export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
    # the missed-follow-up sweep stays off the clock (the data sets leave it nothing to do anyway)
    export CANVASS_FOLLOW_UPS_SWEEP_DELAY=1h
    # JAVA_OPTS, e.g. a flight recording: JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile"
    exec java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
  ) >"$TMP/${APP_LOG:-app.log}" 2>&1 &
  APP_PID=$!
  BASE="http://127.0.0.1:$APP_PORT"
  MGMT="http://127.0.0.1:$MGMT_PORT"
  for i in $(seq 1 120); do
    curl -fs "$MGMT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$TMP/${APP_LOG:-app.log}" >&2; die "the app exited"; }
    [ "$i" = 120 ] && { tail -30 "$TMP/${APP_LOG:-app.log}" >&2; die "the app was not ready within 120 s"; }
    sleep 1
  done
  for i in $(seq 1 30); do
    [ "$(psql -Atc "select count(*) from app_user where lower(email) = '$ADMIN_EMAIL'")" = 1 ] && break
    [ "$i" = 30 ] && die "the admin was not bootstrapped"
    sleep 1
  done
}
