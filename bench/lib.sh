# Shared by the bench scripts: keys of the bench's own, tokens, and the packaged service in the
# prod profile against the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth).
BENCH_ISSUER=https://bench.nrm-referrals.invalid/issuer
BENCH_WORK=${BENCH_WORK:-$PWD/bench/.work}
mkdir -p "$BENCH_WORK"

bench_keys() {
  cd "$BENCH_WORK"
  [[ -f token-private.pem ]] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token-private.pem 2>/dev/null
  [[ -f token-public.pem ]] || openssl pkey -in token-private.pem -pubout -out token-public.pem
  [[ -f audit-signing.pem ]] || openssl genpkey -algorithm ed25519 -out audit-signing.pem
  [[ -f kek ]] || openssl rand -base64 32 > kek
  cd - >/dev/null
}

# bench_token ROLE [AGENCY] [SUBJECT]: a 12-hour token signed with the bench key.
bench_token() {
  local role=$1 agency=${2:-} subject=${3:-bench-$1} now agency_claim="" header payload signature
  now=$(date +%s)
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  [[ -n "$agency" ]] && agency_claim=$(printf ',"agency":"%s"' "$agency")
  payload=$(printf '{"iss":"%s","aud":"nrm-referrals","sub":"%s","groups":["%s"]%s,"iat":%d,"exp":%d}' \
    "$BENCH_ISSUER" "$subject" "$role" "$agency_claim" "$now" "$((now + 12 * 3600))" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign "$BENCH_WORK/token-private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

bench_fresh_database() {
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $1 with (force)" -c "create database $1" 2>/dev/null
}

# The JVM settings of the image and the manifests (docs/operations.md#memory-and-start-up), in a
# container of BENCH_MEMORY (the manifests' limit): -XX:MaxRAM tells the JVM what a container's
# limit would. BENCH_JAVA_OPTS adds options.
BENCH_MEMORY=${BENCH_MEMORY:-768m}
BENCH_JVM=(-XX:MaxRAM="$BENCH_MEMORY" -XX:MaxRAMPercentage=50 -XX:+UseSerialGC
  -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20
  -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)

# bench_start DATABASE PORT [extra env...]: starts the packaged service; prints its pid. The
# variable BENCH_READY_MS is set to the milliseconds from launch to a ready /q/health/ready (on the
# management port, PORT + 1000). It runs
# in target/quarkus-app, the path its class-data archive (app-cds.jsa) was written for.
bench_start() {
  local database=$1 port=$2; shift 2
  local started=$(date +%s%N)
  cd target/quarkus-app
  env -i PATH="$PATH" HOME="$HOME" MALLOC_ARENA_MAX=2 \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$BENCH_WORK/token-public.pem" MP_JWT_VERIFY_ISSUER="$BENCH_ISSUER" \
    MP_JWT_VERIFY_AUDIENCES=nrm-referrals MP_JWT_VERIFY_TOKEN_AGE=43200 \
    NRM_AUDIT_SIGNING_KEY_FILE="$BENCH_WORK/audit-signing.pem" NRM_KEK_FILE="$BENCH_WORK/kek" \
    NRM_RATE_LIMIT_INTAKE_PER_MINUTE=0 NRM_RATE_LIMIT_STATISTICS_PER_MINUTE=0 \
    NRM_RATE_LIMIT_REQUESTS_PARTNER=0 NRM_RATE_LIMIT_REQUESTS_CASEWORKER=0 NRM_RATE_LIMIT_REQUESTS_ANALYST=0 \
    NRM_RATE_LIMIT_REQUESTS_STATISTICIAN=0 NRM_RATE_LIMIT_REQUESTS_ADMIN=0 \
    "$@" java "${BENCH_JVM[@]}" ${BENCH_JAVA_OPTS:-} -jar quarkus-run.jar \
    > "$BENCH_WORK/service-$port.log" 2>&1 &
  BENCH_PID=$!
  cd - > /dev/null
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1; then
      BENCH_READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    if ! kill -0 "$BENCH_PID" 2>/dev/null; then
      echo "the service did not start; see $BENCH_WORK/service-$port.log" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "the service was not ready within 60 s" >&2
  return 1
}
