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

# postgis_start DBNAME: starts the cluster and creates DBNAME with the postgis extension.
postgis_start() {
  local db=$1
  [[ -x $PG_BIN/initdb && -f /usr/share/postgresql/15/extension/postgis.control ]] || apt_install postgresql-15-postgis-3
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/planmap-pg.XXXXXX")
  [[ $(id -u) -ne 0 ]] || chown postgres: "$PG_DIR"
  PG_PORT=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # fsync off: the cluster lives for one run and is thrown away.
  PG_OPTIONS="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$PG_OPTIONS" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
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
