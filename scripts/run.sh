#!/usr/bin/env bash
# Runs the portal on this machine: installs and starts PostgreSQL, creates the role and the
# database, applies the migrations, and serves http://127.0.0.1:${PORT:-5000}. Safe to run again.
# Ctrl+C stops the portal (PostgreSQL keeps running).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

port="${PORT:-5000}"
project="src/CrossBorderConsumerCenter.Web"

# fonts-ipafont-gothic: the Japanese font the fax form's PDF (/fax-form.pdf) is written in.
ensure_packages postgresql fonts-ipafont-gothic
ensure_postgres_running
password="$(ensure_secret dev-db-password)"
ensure_role ccc_dev "$password"
ensure_database ccc_dev ccc_dev

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=ccc_dev;Username=ccc_dev;Password=$password"
export Portal__BaseUrl="http://127.0.0.1:$port/"
export Smtp__PickupDirectory="$local_dir/mail"
# Incoming mail: .eml files dropped into .local/inbox/ stand in for the center's mailbox (docs/operations.md).
export Imap__PickupDirectory="$local_dir/inbox"
# Development addresses of the partner agencies; production sets the real ones the same way.
export PartnerAgencies__CBBB__Addresses__0="${PartnerAgencies__CBBB__Addresses__0:-cbbb@partners.ccj.localhost}"
export PartnerAgencies__SOSA__Addresses__0="${PartnerAgencies__SOSA__Addresses__0:-sosa@partners.ccj.localhost}"
export PartnerAgencies__CASE__Addresses__0="${PartnerAgencies__CASE__Addresses__0:-case@partners.ccj.localhost}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "Building"
dotnet build "$project" -c Debug -nologo -clp:ErrorsOnly -v:q
app=(dotnet "$repo_root/$project/bin/Debug/net10.0/CrossBorderConsumerCenter.Web.dll" --contentRoot "$repo_root/$project")

say "Applying database migrations"
"${app[@]}" migrate

# Development only: a demo admin with a random password, kept in .local/ (never committed) so that
# later runs can show it again. Production has no default account: see docs/operations.md.
demo_email="admin@ccj.localhost"
demo_password_file="$local_dir/demo-admin-password"
created="$("${app[@]}" create-admin --email "$demo_email" --name "Demo admin" --if-missing)"
if [ -n "$created" ]; then
  printf '%s' "$created" | sed -n 's/^Password (shown only now): //p' >"$demo_password_file"
  chmod 600 "$demo_password_file"
fi
if [ -s "$demo_password_file" ]; then
  sign_in="Sign in at http://127.0.0.1:$port/account/sign-in as $demo_email with the temporary password $(cat "$demo_password_file") (the first sign-in asks you to choose your own, then to set up an authenticator app: admins sign in in two steps; after that, use yours)"
else
  sign_in="Sign in as $demo_email (its password was printed when it was created; another admin can reissue it)"
fi

say "Starting the portal"
"${app[@]}" --urls "http://127.0.0.1:$port" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' INT TERM

for _ in $(seq 1 60); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$pid" 2>/dev/null || { wait "$pid"; exit 1; }
  sleep 1
done

cat <<BANNER

  Cross-Border Consumer Center Japan is running.

    Portal:        http://127.0.0.1:$port/
    Staff:         $sign_in
    Health:        http://127.0.0.1:$port/health/ready
    Outgoing mail: written as .eml files to $local_dir/mail
    Incoming mail: drop .eml files into $local_dir/inbox (read, stored, moved to processed/)

  Press Ctrl+C to stop.

BANNER
wait "$pid"
