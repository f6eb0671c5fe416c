# Sourced by scripts/backup.sh and scripts/restore.sh: DATABASE_URL's parts as DB_HOST, DB_PORT, DB_USER,
# DB_NAME, decoded by Node's URL parser (NUL-separated: any character survives). The password reaches
# the client through MYSQL_PWD, never its command line.
{ IFS= read -r -d '' DB_HOST; IFS= read -r -d '' DB_PORT; IFS= read -r -d '' DB_USER; IFS= read -r -d '' MYSQL_PWD; IFS= read -r -d '' DB_NAME; } < <(node -e '
const u = new URL(process.env.DATABASE_URL);
const parts = [u.hostname, u.port || "3306", decodeURIComponent(u.username), decodeURIComponent(u.password), decodeURIComponent(u.pathname.slice(1))];
process.stdout.write(parts.join("\0") + "\0");
')
export MYSQL_PWD
