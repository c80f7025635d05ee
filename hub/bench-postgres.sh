#!/usr/bin/env bash
# Runs bench-ingest and bench-reports against a throwaway PostgreSQL server: initdb in a temporary
# folder, a free port on 127.0.0.1, a fresh database for each run, then the server is stopped and
# the folder deleted. Repeats the figures in hub/README.md ("Benchmarks on PostgreSQL").
#
#   hub/bench-postgres.sh                       # 3 bench-ingest runs, 1 bench-reports run (100 communes, 1 M households)
#   RUNS=5 INGEST_ARGS="--kiosks 8 --events 200000" REPORTS_ARGS="--communes 1 --households 300000" hub/bench-postgres.sh
#   ONLY=ingest hub/bench-postgres.sh           # or ONLY=reports
#
# Needs a built jar (mvn -B -pl hub -am -DskipTests package) and PostgreSQL's server binaries
# (Debian: apt-get install postgresql; PG_BIN names another folder). Run as root, the server runs
# as the postgres user; as anyone else, as that user. Server settings: PostgreSQL's defaults
# (fsync and synchronous_commit on) except the three below, so a 10-million-row bulk load does not
# checkpoint every few seconds.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
JAR="${JAR:-$here/target/giadinhso-hub.jar}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
RUNS="${RUNS:-3}"
REPORT_RUNS="${REPORT_RUNS:-1}"
INGEST_ARGS="${INGEST_ARGS:-}"
REPORTS_ARGS="${REPORTS_ARGS:---communes 100 --households 1000000 --villages 10 --points 200 --events 2000000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
ONLY="${ONLY:-}"

[[ -f "$JAR" ]] || { echo "no $JAR: build it first (mvn -B -pl hub -am -DskipTests package)" >&2; exit 1; }
[[ -x "$PG_BIN/initdb" ]] || { echo "no PostgreSQL server binaries in '$PG_BIN' (apt-get install postgresql, or set PG_BIN)" >&2; exit 1; }

dir="$(mktemp -d /tmp/gds-bench-pg.XXXXXX)"
as_server=()
if [[ "$(id -u)" == 0 ]]; then
  chown postgres "$dir"
  as_server=(runuser -u postgres --)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_server[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${as_server[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min" \
  start >/dev/null
psql() { "${as_server[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "$1"; }
fresh_db() {
  psql "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
  psql "CREATE DATABASE $1 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" >/dev/null
  echo "postgresql://postgres@127.0.0.1:$port/$1"
}

echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir; load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$ONLY" != reports ]]; then
  for run in $(seq 1 "$RUNS"); do
    echo "== bench-ingest run $run of $RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" bench-ingest --db "$(fresh_db gds_bench_ingest)" $INGEST_ARGS
  done
fi
if [[ "$ONLY" != ingest ]]; then
  url="$(fresh_db gds_bench_reports)"
  echo "== bench-reports (load $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" bench-reports --db "$url" --secrets "$dir/bench.secrets.json" $REPORTS_ARGS
  for run in $(seq 2 "$REPORT_RUNS"); do
    echo "== bench-reports --measure-only, run $run of $REPORT_RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" bench-reports --measure-only --db "$url" --secrets "$dir/bench.secrets.json" --runs 9
  done
  psql "SELECT pg_size_pretty(pg_database_size('gds_bench_reports')) AS database_size"
fi
