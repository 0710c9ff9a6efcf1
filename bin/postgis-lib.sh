# A throwaway PostGIS cluster for tests and benchmarks (source it, then `postgis_start DBNAME`).
# The cluster is owned by this run, listens on 127.0.0.1 only with trust authentication, and is removed
# again by `postgis_stop` (install it as an EXIT trap). PostgreSQL refuses to run as root, so as root (CI)
# the server runs as the postgres user the Debian package creates.
# After postgis_start: PG_URL (jdbc:postgresql://127.0.0.1:PORT/DBNAME), PG_PORT, psql_pg for SQL, and
# PG_CTL, a script that stops (`$PG_CTL stop`) and starts (`$PG_CTL start`) the cluster again.
# Needs an `apt_install PACKAGE…` function from the caller when PostGIS is missing.

PG_BIN=/usr/lib/postgresql/15/bin

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_pg() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

postgis_stop() {
  [[ -n ${PG_DIR:-} ]] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

# The port: random below Linux's ephemeral range (32768–60999, where client sockets take theirs), so that clusters
# started at the same moment on one machine (several test runs, benchmarks) seldom pick the same one, and one whose
# cluster is stopped for a while (PostgisOutageTest) seldom finds it taken on `ctl start`. A port found taken at
# bind time (another cluster won the race) is given up for a fresh one.
PG_PORT_LOW=20000
PG_PORT_HIGH=32767
PG_START_ATTEMPTS=20

pg_free_port() {
  local port
  while :; do
    port=$((PG_PORT_LOW + SRANDOM % (PG_PORT_HIGH - PG_PORT_LOW + 1)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# postgis_start DBNAME: starts the cluster and creates DBNAME with the postgis extension.
postgis_start() {
  local db=$1 attempt
  [[ -x $PG_BIN/initdb && -f /usr/share/postgresql/15/extension/postgis.control ]] || apt_install postgresql-15-postgis-3
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/planmap-pg.XXXXXX")
  [[ $(id -u) -ne 0 ]] || chown postgres: "$PG_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  for ((attempt = 1; ; attempt++)); do
    PG_PORT=$(pg_free_port)
    # fsync off: the cluster lives for one run and is thrown away. The unix socket sits in the cluster's own
    # directory, so clusters never share a socket path whatever their ports.
    PG_OPTIONS="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    rm -f "$PG_DIR/server.log"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$PG_OPTIONS" start \
      >"$PG_DIR/pg_ctl.out" 2>&1 && break
    if ! grep -q "could not bind" "$PG_DIR/server.log" || ((attempt == PG_START_ATTEMPTS)); then
      cat "$PG_DIR/pg_ctl.out" "$PG_DIR/server.log" >&2
      return 1
    fi
    echo "postgis_start: port $PG_PORT taken meanwhile, trying another" >&2
  done
  PG_CTL=$PG_DIR/ctl
  cat >"$PG_CTL" <<CTL
#!/usr/bin/env bash
set -e
run() { if [[ \$(id -u) -eq 0 ]]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
case "\$1" in
  stop) run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop ;;
  start) run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$PG_OPTIONS" start ;;
esac >/dev/null
CTL
  chmod 755 "$PG_CTL"
  psql_pg -d postgres -c "CREATE DATABASE $db"
  psql_pg -d "$db" -c "CREATE EXTENSION postgis"
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
}
