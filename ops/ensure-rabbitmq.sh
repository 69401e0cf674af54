#!/usr/bin/env bash
# Makes sure a RabbitMQ broker answers on 127.0.0.1:5672 (user guest, the default, which RabbitMQ accepts only from
# localhost) for the province-run tests. Installs Debian's rabbitmq-server where it is missing. Idempotent.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  echo "RabbitMQ is not installed: installing it from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq rabbitmq-server >/dev/null
fi
if ! up; then
  # the package's service may be stopped or absent (containers without systemd): start the broker detached
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then as_root rabbitmq-server -detached; fi
  for _ in $(seq 1 60); do up && break; sleep 1; done
fi
up || { echo "RabbitMQ does not answer on 127.0.0.1:5672" >&2; exit 1; }
echo "RabbitMQ ready on 127.0.0.1:5672"
