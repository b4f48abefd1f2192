#!/bin/sh
# check-no-network.sh — Dossier makes no network access of its own
#
# Copyright 2026 The Dossier Developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-no-network.sh SOURCE_DIR EXECUTABLE...
#
# 1. No executable imports a function that opens a connection or resolves
#    a name (sockets, GIO's network classes, HTTP libraries, libxml2's own
#    HTTP/FTP client, or libxml2 parsers that take a file name or URL).
#    Opening a link in the browser when the user clicks it goes through
#    GTK (gtk_show_uri) and is allowed.
# 2. Every libxml2 parse call in the sources passes *_PARSE_NONET.
#
# Prints TAP.

set -u

source_dir=$1
shift

forbidden='^(socket|connect|getaddrinfo|gethostbyname.*|gethostbyaddr|getnameinfo|g_socket_client_.*|g_socket_connect.*|g_socket_connection_.*|g_network_.*|g_resolver_.*|g_tls_.*|g_proxy_.*|g_dtls_.*|soup_.*|curl_.*|xmlNanoHTTP.*|xmlNanoFTP.*|xmlIOHTTP.*|xmlIOFTP.*|xmlReadFile|htmlReadFile|xmlCtxtReadFile|htmlCtxtReadFile|xmlParseFile|htmlParseFile|xmlCreateURLParserCtxt|webkit_.*)$'

count=$(($# + 1))
echo "1..$count"
n=0
failed=0

for exe in "$@"; do
  n=$((n + 1))
  name=$(basename "$exe")
  if ! symbols=$(nm -D --undefined-only "$exe" 2>&1); then
    echo "not ok $n - $name: nm failed: $symbols"
    failed=1
    continue
  fi
  found=$(printf '%s\n' "$symbols" | awk '{ print $NF }' | sed 's/@.*//' | grep -E "$forbidden" | tr '\n' ' ')
  if [ -n "$found" ]; then
    echo "not ok $n - $name imports network functions: $found"
    failed=1
  else
    imports=$(printf '%s\n' "$symbols" | grep -c .)
    echo "ok $n - $name: none of its $imports imported functions opens a connection"
  fi
done

# Each call that parses with libxml2, with the text up to its closing
# ");", must name NONET.
n=$((n + 1))
calls=0
bad=""
for file in $(find "$source_dir/src" -name '*.c' | sort); do
  result=$(awk '
    /(html|xml)(Ctxt)?Read(Memory|Doc|Fd|IO|File)[ \t]*\(|(html|xml)CtxtUseOptions[ \t]*\(/ { inside = 1; text = ""; start = FNR }
    inside { text = text $0 }
    inside && /\);/ {
      inside = 0
      if (text ~ /NONET/) print "ok"; else print "bad:" start
    }
  ' "$file")
  for r in $result; do
    calls=$((calls + 1))
    case $r in
      bad:*) bad="$bad ${file#"$source_dir"/}:${r#bad:}" ;;
    esac
  done
done

if [ -n "$bad" ]; then
  echo "not ok $n - libxml2 parse calls without NONET:$bad"
  failed=1
elif [ "$calls" -eq 0 ]; then
  echo "not ok $n - no libxml2 parse call found: the check is out of date"
  failed=1
else
  echo "ok $n - all $calls libxml2 parse calls in src/ pass NONET"
fi

exit $failed
