#!/usr/bin/env bash
# Sets up a fresh Debian machine for Samen's local Kafka and PostgreSQL. Run as root.
# Idempotent: what is already there is left alone, and then it prints nothing.
#   - PostgreSQL server and client, a JDK (17 or newer) and Maven from Debian's packages
#   - uv, with pip, when it is missing
#   - Chromium and npm from Debian's packages, for the parent pages' browser check
#     (tests/browser: Playwright drives /usr/bin/chromium; axe-core comes from npm)
#   - Pango and the DejaVu fonts, which WeasyPrint (the plans service's PDFs) loads
#   - the Kafka broker's jars, fetched by Maven into deploy/local/.cache (git ignores it)
#   - a check for a JDK 21 or newer, which Keycloak 26 (staff sign-in) needs. Bookworm's
#     packages stop at 17, so none is installed here: samen_kit.localinfra takes the newest
#     JDK >= 21 under /usr/lib/jvm (e.g. a Temurin JDK) or SAMEN_KEYCLOAK_JAVA_HOME, and
#     fetches and builds Keycloak itself on its first start.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

quietly() {  # run a step; show its output only when it fails
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "install.sh: failed: $*" >&2
    exit 1
  fi
}

java_major() {
  java -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

missing_packages() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || echo postgresql
  command -v psql >/dev/null || echo postgresql-client
  if ! command -v java >/dev/null || (( $(java_major) < 17 )); then echo default-jdk-headless; fi
  command -v mvn >/dev/null || echo maven
  command -v uv >/dev/null || python3 -m pip --version >/dev/null 2>&1 || echo python3-pip
  [[ -x /usr/bin/chromium ]] || echo chromium
  command -v npm >/dev/null || echo npm
  ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || echo libpangoft2-1.0-0
  [[ -d /usr/share/fonts/truetype/dejavu ]] || echo fonts-dejavu-core
}

install_packages() {
  local packages
  mapfile -t packages < <(missing_packages)
  (( ${#packages[@]} )) || return 0
  echo "install.sh: apt-get install ${packages[*]}"
  # Samen runs a cluster of its own (samen_kit.localinfra); Debian's default cluster would
  # only hold port 5432, so none is created.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/samen.conf
  quietly apt-get update -qq
  quietly env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${packages[@]}"
}

install_uv() {
  command -v uv >/dev/null && return 0
  echo "install.sh: pip install uv"
  # Debian's own Python refuses pip installs outside a virtualenv unless told otherwise.
  python3 -m pip install --quiet uv >"$log" 2>&1 ||
    quietly python3 -m pip install --quiet --break-system-packages uv
}

fetch_kafka() {
  local version cache
  version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
  cache="$here/.cache/kafka-$version"
  if [[ -f "$cache/libs/kafka_2.13-$version.jar" ]] &&
    compgen -G "$cache/libs/log4j-slf4j-impl-*" >/dev/null; then
    return 0
  fi
  echo "install.sh: fetching Kafka $version with Maven"
  rm -rf "$cache/libs.partial"
  quietly mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package \
    "-Dkafka.libs=$cache/libs.partial"
  rm -rf "$cache/libs"
  mv "$cache/libs.partial" "$cache/libs"  # a half-finished fetch never looks complete
}

check_keycloak_java() {
  local home major
  for home in ${SAMEN_KEYCLOAK_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [[ -x "$home/bin/java" && -f "$home/release" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
    [[ -n "$major" ]] && (( major >= 21 )) && return 0
  done
  echo "install.sh: warning: no JDK 21 or newer in /usr/lib/jvm; Keycloak (staff sign-in)" \
    "will not start. Install one (e.g. Temurin 21 or 25) or set SAMEN_KEYCLOAK_JAVA_HOME." >&2
}

if (( EUID != 0 )); then
  echo "install.sh: run as root (it installs Debian packages)" >&2
  exit 1
fi
install_packages
install_uv
fetch_kafka
check_keycloak_java
