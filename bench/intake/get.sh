#!/usr/bin/env bash
# Prints a Hyperfoil benchmark of GET_USERS clients (1 by default; closed loop) repeating a GET for
# DURATION.
# get.sh NAME PORT TOKEN_FILE PATH DURATION [ACCEPT]
set -euo pipefail
name=$1 port=$2 token=$(cat "$3") path=$4 duration=$5 accept=${6:-application/json}
cat <<YAML
name: $name
http:
  host: http://127.0.0.1:$port
  sharedConnections: ${GET_USERS:-1}
  requestTimeout: 120s
phases:
- $name:
    always:
      users: ${GET_USERS:-1}
      duration: $duration
      scenario:
      - get:
        - httpRequest:
            GET: '$path'
            headers:
              Authorization: Bearer $token
              Accept: $accept
YAML
