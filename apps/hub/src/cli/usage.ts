/** The usage text of each subcommand (`--help`), and of the CLI as a whole. */
export const SERVE_USAGE = `usage: pnpm layso serve --port P --data DIR [--config center.json] [--host 0.0.0.0] [--settings hub.json]
                       [--tls-cert cert.pem --tls-key key.pem [--portal-port 8443] [--portal-host H]] [--mdns auto|on|off]
                       [--lan-tls-cert hub.crt --lan-tls-key hub.key [--lan-https-port 8444]] [--migrations-dir DIR]

Runs the hub. Each flag also has a LAYSO_* environment variable and a settings-file key
(flags win over the environment, which wins over the file): see docs/install.md.`;

export const DEMO_USAGE = `usage: pnpm layso demo [--port 8080] [--data .data/demo] [--host H] [--mdns auto|on|off]

Runs the demo center and prints a provisioned link for every page.`;

export const TOKEN_USAGE = `usage: pnpm layso token create --data DIR --role kiosk|counter|display|portal|admin [--counter N] [--name NAME]

Creates a device token and prints it alone on stdout (works while the hub runs).`;

export const ADMIN_USAGE = `usage: pnpm layso admin create --data DIR --user NAME           (password: one line on stdin)
       pnpm layso admin reset-password --data DIR --user NAME   (password: one line on stdin)`;

export const BACKUP_USAGE = `usage: pnpm layso backup restore --data DIR --from FILE         (stop the hub first)`;

export const SEED_YEAR_USAGE = `usage: pnpm layso seed-year --data DIR [--days 365] [--seed N]

Fills an empty data folder with sample history for reports.`;

export const USAGE = `layso hub

  pnpm layso serve --port P --data DIR [--config center.json] [--host 0.0.0.0] [--settings hub.json]
                   [--tls-cert cert.pem --tls-key key.pem [--portal-port 8443] [--portal-host H]] [--mdns auto|on|off]
                   [--lan-tls-cert hub.crt --lan-tls-key hub.key [--lan-https-port 8444]]
  pnpm layso token create --data DIR --role kiosk|counter|display|portal|admin [--counter N] [--name NAME]
  pnpm layso admin create --data DIR --user NAME           (password: one line on stdin)
  pnpm layso admin reset-password --data DIR --user NAME   (password: one line on stdin)
  pnpm layso backup restore --data DIR --from FILE         (hub stopped)
  pnpm layso demo [--port 8080] [--data .data/demo]
  pnpm layso seed-year --data DIR [--days 365] [--seed N]   (sample history for reports; empty folder only)

Every command prints its own usage with --help.`;
