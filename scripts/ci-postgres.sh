#!/usr/bin/env bash
# Starts Debian's PostgreSQL on this machine for the store tests and prints the URL to export as
# RASHOMON_TEST_PG (the only line on stdout; progress goes to stderr):
#
#   export RASHOMON_TEST_PG="$(scripts/ci-postgres.sh)"
#
# Run as root. Installs the `postgresql` package when pg_ctlcluster is missing, creates a cluster
# when there is none, starts it, and makes a login role that may create databases (each test file
# makes a database of its own and drops it). Idempotent: a second run finds everything in place
# and only prints the URL. Authentication stays as Debian ships it (scram-sha-256 over TCP): the
# role has a password rather than the cluster trusting every local connection.
set -euo pipefail

ROLE="${RASHOMON_PG_ROLE:-rashomon}"
PASSWORD="${RASHOMON_PG_PASSWORD:-rashomon}"
WAIT_SECONDS=30

say() { echo "ci-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "run as root (it installs and starts the cluster)"
  exit 2
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  say "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

# The newest installed server version, and its first cluster (Debian's package creates 'main').
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster="$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print $2; exit }')"
if [ -z "$cluster" ]; then
  say "creating cluster $version/main"
  pg_createcluster "$version" main >&2
  cluster=main
fi
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3; exit }')"
status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4; exit }')"

if [ "$status" != "online" ]; then
  say "starting cluster $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 "$WAIT_SECONDS"); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  say "cluster $version/$cluster did not accept connections on 127.0.0.1:$port within ${WAIT_SECONDS}s"
  exit 1
fi

# As the postgres superuser over the local socket (peer authentication); the role and password are
# set on every run, so a changed password or a dropped role is repaired.
runuser -u postgres -- psql -q -X -v ON_ERROR_STOP=1 -p "$port" -d postgres >&2 <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$ROLE') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE "$ROLE" WITH LOGIN CREATEDB PASSWORD '$PASSWORD';
SQL

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$port/postgres"
