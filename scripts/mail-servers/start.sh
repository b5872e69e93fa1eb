#!/bin/sh
# Starts Dovecot 2.3, the SMTP-to-LMTP relay and the OAuth provider on 127.0.0.1 (see start.mjs).
exec node "$(dirname "$0")/start.mjs" start
