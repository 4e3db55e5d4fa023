#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when missing: Chromium + ChromeDriver (browser tests) and
# Tryton 6.0 (the real ERP for the Tryton adapter's contract suite). Idempotent; needs root (or sudo) on Debian.
set -euo pipefail
pkgs=(chromium chromium-driver)
# Tryton 6.0 server and the modules the Tryton adapter uses (recipe: shared/erp/tryton-probe.md)
pkgs+=(tryton-server tryton-proteus tryton-modules-account tryton-modules-account-invoice
       tryton-modules-analytic-account tryton-modules-analytic-invoice tryton-modules-analytic-purchase
       tryton-modules-purchase tryton-modules-stock tryton-modules-party tryton-modules-company
       tryton-modules-currency tryton-modules-account-statement tryton-modules-account-payment
       tryton-modules-bank tryton-modules-project tryton-modules-account-invoice-stock
       tryton-modules-product tryton-modules-country)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-test-deps: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
