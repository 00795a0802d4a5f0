#!/usr/bin/env bash
# The distributed deployment on one machine, every process on loopback: Axon Server (from a jar you point to),
# a private PostgreSQL cluster, MongoDB (a URI you give, or the mongo-java-server stand-in) and the three services
# as separate JVMs, each with the environment docs/deployment.md describes. Used by TopologyIT (mvn -Ptopology).
#
#   AXONSERVER_JAR=/path/to/axonserver.jar scripts/topology.sh start   # prints the ports; writes $TOPOLOGY_DIR/topology.env
#   scripts/topology.sh restart command-side|query-side|card-gateway    # (re)starts one service
#   scripts/topology.sh kill9 command-side|query-side|card-gateway      # SIGKILL, no shutdown hooks
#   scripts/topology.sh stop                                            # stops everything it started
#
# Environment:
#   AXONSERVER_JAR   Axon Server SE jar (required for start). Nothing of Axon Server is part of this project.
#   TOPOLOGY_DIR     where data, logs, keys and the env file go (default: target/topology)
#   MONGODB_URI      an existing MongoDB (database name included); unset: the stand-in on a free port
#   PG_BIN           PostgreSQL 15 binaries (default: /usr/lib/postgresql/15/bin)
#   JAVA_OPTS        extra JVM options for the three services (default: -Xmx512m)
# The service jars are built first when missing (mvn package of the three modules and the stand-in).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=${TOPOLOGY_DIR:-$ROOT/target/topology}
ENV_FILE=$DIR/topology.env
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
VERSION=0.1.0-SNAPSHOT
SERVICES="command-side query-side card-gateway"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

random_secret() {
  head -c 24 /dev/urandom | base64 | tr -d '/+='
}

# PostgreSQL refuses to run as root; a root caller runs it as the postgres account.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -ksf -o /dev/null "$1"; do
    if [ $SECONDS -ge $deadline ]; then echo "not up after $2 s: $1" >&2; return 1; fi
    sleep 1
  done
}

start_service() { # name
  local name=$1 jar port
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  jar=$ROOT/$name/target/$name-$VERSION-exec.jar
  case $name in
    command-side) port=$COMMAND_PORT ;;
    query-side) port=$QUERY_PORT ;;
    card-gateway) port=$GATEWAY_PORT ;;
  esac
  (
    set -a
    # shellcheck disable=SC1090
    source "$DIR/$name.env"
    set +a
    if [ -n "${LOADER_PATH:-}" ]; then
      # Spring Boot's PropertiesLauncher adds LOADER_PATH (the card simulator) to the service's class path
      exec java $JAVA_OPTS -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher >>"$DIR/logs/$name.log" 2>&1
    fi
    exec java $JAVA_OPTS -jar "$jar" >>"$DIR/logs/$name.log" 2>&1
  ) &
  echo $! >"$DIR/pids/$name"
  wait_http "http://127.0.0.1:$port/actuator/health" 900
  echo "$name up on 127.0.0.1:$port (pid $(cat "$DIR/pids/$name"))"
}

stop_pid() { # name signal
  local file=$DIR/pids/$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$file"
}

build_jars() {
  local missing=""
  for m in $SERVICES mongo-stand-in; do
    [ -f "$ROOT/$m/target/$m-$VERSION-exec.jar" ] || missing="$missing,$m"
  done
  [ -f "$ROOT/card-simulator/target/card-simulator-$VERSION.jar" ] || missing="$missing,card-simulator"
  if [ -n "$missing" ]; then
    mvn -B -q -DskipTests -pl "${missing#,}" -am package
  fi
}

tls_material() {
  mkdir -p "$DIR/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$DIR/tls/axonserver.key.pem" -out "$DIR/tls/axonserver.crt" 2>/dev/null
  # Axon Server's gRPC (Netty) wants the key as PKCS#8
  openssl pkcs8 -topk8 -nocrypt -in "$DIR/tls/axonserver.key.pem" -out "$DIR/tls/axonserver.key"
  chmod 600 "$DIR/tls/"*.key*
}

start_axonserver() {
  mkdir -p "$DIR/axonserver"
  cat >"$DIR/axonserver/axonserver.properties" <<EOF
axoniq.axonserver.name=jpki-axonserver
axoniq.axonserver.hostname=localhost
axoniq.axonserver.port=$AXON_GRPC_PORT
server.port=$AXON_HTTP_PORT
server.address=127.0.0.1
axoniq.axonserver.event.storage=$DIR/axonserver/events
axoniq.axonserver.snapshot.storage=$DIR/axonserver/events
axoniq.axonserver.controldb-path=$DIR/axonserver/data
axoniq.axonserver.pid-file-location=$DIR/axonserver
axoniq.axonserver.devmode.enabled=false
axoniq.axonserver.accesscontrol.enabled=true
axoniq.axonserver.accesscontrol.token=$AXON_TOKEN
axoniq.axonserver.accesscontrol.admin-token=$AXON_ADMIN_TOKEN
axoniq.axonserver.ssl.enabled=true
axoniq.axonserver.ssl.cert-chain-file=$DIR/tls/axonserver.crt
axoniq.axonserver.ssl.private-key-file=$DIR/tls/axonserver.key
EOF
  chmod 600 "$DIR/axonserver/axonserver.properties"
  (cd "$DIR/axonserver" && exec java -Xmx512m -jar "$AXONSERVER_JAR" >>"$DIR/logs/axonserver.log" 2>&1) &
  echo $! >"$DIR/pids/axonserver"
  wait_http "http://127.0.0.1:$AXON_HTTP_PORT/actuator/health" 900
  echo "axonserver up: gRPC (TLS, token) 127.0.0.1:$AXON_GRPC_PORT, HTTP 127.0.0.1:$AXON_HTTP_PORT"
}

start_postgres() {
  mkdir -p "$DIR/postgres"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/postgres"
  as_pg "$PG_BIN/initdb" -D "$DIR/postgres/data" -U postgres --auth=trust -E UTF8 >/dev/null
  # loopback only, password logins for the services (scram), the superuser only through the socket of this cluster
  cat >"$DIR/postgres/pg_hba.conf" <<EOF
local all postgres trust
host  all all 127.0.0.1/32 scram-sha-256
EOF
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/postgres/pg_hba.conf"
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres/data" -l "$DIR/postgres/postgres.log" -w start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/postgres -c hba_file=$DIR/postgres/pg_hba.conf" >/dev/null
  for db in jpki_command jpki_gateway; do
    as_pg "$PG_BIN/psql" -q -h "$DIR/postgres" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE ${db}_app LOGIN PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE $db OWNER ${db}_app"
  done
  echo "postgresql 15 up on 127.0.0.1:$PG_PORT (databases jpki_command, jpki_gateway)"
}

start_mongo() {
  if [ -n "${MONGODB_URI:-}" ]; then
    echo "mongodb: $MONGODB_URI (given)"
    return
  fi
  (exec java -Xmx256m -jar "$ROOT/mongo-stand-in/target/mongo-stand-in-$VERSION-exec.jar" "$MONGO_PORT" >>"$DIR/logs/mongo-stand-in.log" 2>&1) &
  echo $! >"$DIR/pids/mongo-stand-in"
  for _ in $(seq 1 60); do (echo >"/dev/tcp/127.0.0.1/$MONGO_PORT") 2>/dev/null && break; sleep 0.5; done
  echo "mongodb stand-in up on 127.0.0.1:$MONGO_PORT"
}

# What each service is given: the environment of docker-compose.yml with loopback addresses (docs/deployment.md).
service_envs() {
  local axon="AXON_AXONSERVER_SERVERS=localhost:$AXON_GRPC_PORT
AXON_AXONSERVER_TOKEN=$AXON_TOKEN
AXON_AXONSERVER_SSL_ENABLED=true
AXON_AXONSERVER_CERT_FILE=$DIR/tls/axonserver.crt
AXONIQ_UPDATE_CHECKER_DISABLED=true
SERVER_ADDRESS=127.0.0.1"
  cat >"$DIR/command-side.env" <<EOF
$axon
SERVER_PORT=$COMMAND_PORT
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/jpki_command
SPRING_DATASOURCE_USERNAME=jpki_command_app
SPRING_DATASOURCE_PASSWORD=$PG_PASSWORD
JPKI_DATA_DIR=$DIR/command-side
JPKI_CA_KEYSTORE=$DIR/command-side/ca/jpki-ca.p12
JPKI_CA_PASSWORD=$CA_PASSWORD
JPKI_CA_PUBLIC_BASE_URL=http://127.0.0.1:$QUERY_PORT
$STAFF_AUTH
EOF
  cat >"$DIR/query-side.env" <<EOF
$axon
SERVER_PORT=$QUERY_PORT
SPRING_DATA_MONGODB_URI=$MONGO_URI
$MONGO_HEALTH
JPKI_DATA_DIR=$DIR/query-side
JPKI_AUDIT_KEYSTORE=$DIR/query-side/audit/audit-signing.p12
JPKI_AUDIT_KEYSTORE_PASSWORD=$AUDIT_PASSWORD
$STAFF_AUTH
EOF
  cat >"$DIR/card-gateway.env" <<EOF
$axon
SERVER_PORT=$GATEWAY_PORT
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/jpki_gateway
SPRING_DATASOURCE_USERNAME=jpki_gateway_app
SPRING_DATASOURCE_PASSWORD=$PG_PASSWORD
JPKI_DATA_DIR=$DIR/card-gateway
JPKI_TERMINAL_ID=counter-01
$TERMINAL_PIN_ENTRY
EOF
  chmod 600 "$DIR"/*.env
}

# The demo accounts of the embedded default (user name + "-demo" as password; standalone's application.yml), as
# environment variables, under the demo profile that alone admits them.
demo_staff() {
  local i=0 user hash
  echo SPRING_PROFILES_ACTIVE=demo
  for entry in 'clerk:CLERK:$2a$10$2Z.udmBxl2RAMq3V1hjy7ufW2K7Q/Elxz8uQsjCh6O0hBGlHZuz4G' \
               'supervisor:SUPERVISOR:$2a$10$bANDPpz8o9VY.kTH2yUslujCYNWe1YW939JI9mrwpqxKYkIZRsEu.' \
               'statistics:STATISTICS:$2a$10$h4cK6Fg7HQBFeN7UVhCdTO99pNvw3L/Tk77xQ4FfgTBcXN7/MGv.u' \
               'auditor:AUDITOR:$2a$10$Hbtfs1cl2JisSVAvU1J8b.b.Al3ZxzGWaU2bKSUXmHaI96wgbIXdm'; do
    user=${entry%%:*}; hash=${entry#*:*:}
    printf 'JPKI_SECURITY_USERS_%d_USERNAME=%s\nJPKI_SECURITY_USERS_%d_PASSWORDHASH=%s\nJPKI_SECURITY_USERS_%d_ROLES_0=%s\n' \
      $i "$user" $i "'$hash'" $i "$(echo "$entry" | cut -d: -f2)"
    printf 'JPKI_SECURITY_USERS_%d_OFFICEID=setagaya-main\nJPKI_SECURITY_USERS_%d_MUNICIPALITYCODE=131121\n' $i $i
    i=$((i + 1))
  done
}

cmd_start() {
  [ -n "${AXONSERVER_JAR:-}" ] || { echo "AXONSERVER_JAR is not set: point it to an Axon Server SE jar" >&2; exit 2; }
  [ -f "$AXONSERVER_JAR" ] || { echo "no such file: $AXONSERVER_JAR" >&2; exit 2; }
  if [ -f "$ENV_FILE" ]; then echo "already started ($ENV_FILE); run stop first" >&2; exit 2; fi
  build_jars
  mkdir -p "$DIR/logs" "$DIR/pids"
  chmod 711 "$DIR" # traversable for the postgres account (root callers), listable by nobody else
  local mongo_port
  mongo_port=$(free_port)
  cat >"$ENV_FILE" <<EOF
AXON_GRPC_PORT=$(free_port)
AXON_HTTP_PORT=$(free_port)
PG_PORT=$(free_port)
MONGO_PORT=$mongo_port
MONGO_URI=${MONGODB_URI:-mongodb://127.0.0.1:$mongo_port/jpki}
COMMAND_PORT=$(free_port)
QUERY_PORT=$(free_port)
GATEWAY_PORT=$(free_port)
AXON_TOKEN=$(random_secret)
AXON_ADMIN_TOKEN=$(random_secret)
PG_PASSWORD=$(random_secret)
CA_PASSWORD=$(random_secret)
AUDIT_PASSWORD=$(random_secret)
EOF
  chmod 600 "$ENV_FILE"
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  # Staff log in with the published demo accounts over HTTP Basic here (a test topology on loopback, no identity
  # provider on the machine); production sets an OIDC issuer instead (docs/deployment.md).
  STAFF_AUTH=${TOPOLOGY_STAFF_AUTH:-$(demo_staff)}
  # The terminal's card and PIN entry: the card simulator's in-process virtual card and demo PIN pad, added to the
  # gateway's class path under the demo profile (no reader on the machine); a counter uses its PC/SC reader and
  # its PIN entry (docs/deployment.md).
  TERMINAL_PIN_ENTRY=${TOPOLOGY_TERMINAL:-"SPRING_PROFILES_ACTIVE=demo
LOADER_PATH=$ROOT/card-simulator/target/card-simulator-$VERSION.jar
SPRING_MAIN_SOURCES=jp.jpki.lifecycle.cardsim.DemoTerminalConfiguration
JPKI_TERMINAL_PINENTRY=demo
JPKI_TERMINAL_DEMOPINS_AUTH=1234
JPKI_TERMINAL_DEMOPINS_SIGN=DEMO2024"}
  # the stand-in does not answer the driver's "hello" health probe; a real MongoDB does
  MONGO_HEALTH=$([ -n "${MONGODB_URI:-}" ] || echo MANAGEMENT_HEALTH_MONGO_ENABLED=false)
  tls_material
  service_envs
  start_axonserver
  start_postgres
  start_mongo
  for s in $SERVICES; do start_service "$s"; done
  echo "topology up; settings in $ENV_FILE, logs in $DIR/logs"
}

cmd_stop() {
  [ -d "$DIR/pids" ] || { echo "nothing started in $DIR"; return 0; }
  for s in card-gateway query-side command-side mongo-stand-in axonserver; do stop_pid "$s" TERM; done
  if [ -f "$ENV_FILE" ] && [ -d "$DIR/postgres/data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -f "$ENV_FILE"
  echo "topology stopped (data kept in $DIR; delete it for a fresh start)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) stop_pid "$2" TERM; start_service "$2" ;;
  kill9) stop_pid "$2" KILL; echo "$2 killed" ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
