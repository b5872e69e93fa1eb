#!/bin/sh
# Stops the test mail servers by PID.
exec node "$(dirname "$0")/start.mjs" stop
