# Shared by scripts/run.sh and scripts/test.sh. Sourced, not executed.
# Works as root or through sudo on Debian 12 with the .NET SDK installed.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_dir="$repo_root/.local"
mkdir -p "$local_dir"
chmod 700 "$local_dir"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else (cd /tmp && sudo -u postgres "$@"); fi
}

# ensure_packages pkg... : installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# ensure_postgres_running : starts (creating if needed) the local cluster; sets PGPORT.
ensure_postgres_running() {
  local line version name status
  line="$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)"
  if [ -z "$line" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    say "Creating PostgreSQL $version cluster 'main'"
    as_root pg_createcluster --locale C.UTF-8 "$version" main >/dev/null
    line="$(pg_lsclusters --no-header | head -n 1)"
  fi
  read -r version name PGPORT status _ <<<"$line"
  if [ "$status" != "online" ]; then
    say "Starting PostgreSQL $version/$name on port $PGPORT"
    as_root pg_ctlcluster "$version" "$name" start
  fi
  for _ in $(seq 1 30); do
    as_postgres psql -p "$PGPORT" -tAc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
  done
  export PGPORT
}

# ensure_secret name : prints a random secret, created once per machine user and never committed.
# Kept outside the checkout so that several clones on one machine agree on the database passwords.
secrets_dir="${CCC_SECRETS_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/cross-border-consumer-center}"
ensure_secret() {
  mkdir -p "$secrets_dir"
  chmod 700 "$secrets_dir"
  local file="$secrets_dir/$1"
  if [ ! -s "$file" ]; then
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file"
    chmod 600 "$file"
  fi
  cat "$file"
}

# ensure_role name password [attributes] : creates or updates a login role.
ensure_role() {
  local role="$1" password="$2" attributes="${3:-}"
  as_postgres psql -p "$PGPORT" -v ON_ERROR_STOP=1 -q <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN $attributes PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN $attributes PASSWORD '$password';
  END IF;
END
\$\$;
SQL
}

# ensure_database name owner : creates the database if it does not exist.
ensure_database() {
  local db="$1" owner="$2"
  if ! as_postgres psql -p "$PGPORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    say "Creating database $db"
    as_postgres createdb -p "$PGPORT" -O "$owner" -E UTF8 -T template0 "$db"
  fi
}
