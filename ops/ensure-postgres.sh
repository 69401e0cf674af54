#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 (user postgres, trust auth) and that the
# test database exists. Installs PostgreSQL from Debian's packages where it is missing.
set -euo pipefail
db=${VOTER_ROLL_TEST_DB:-voter_roll_test}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing it from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if ! pg_lsclusters -h | grep -q .; then as_root pg_createcluster "$version" main; fi
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # the tests connect as postgres over TCP without a password, as on the developers' and CI machines
  if ! grep -q "voter-roll trust" "$hba"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust # voter-roll trust\nlocal all all trust # voter-roll trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
psql -U postgres -h 127.0.0.1 -qAt -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
echo "test database $db ready"
