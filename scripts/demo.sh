#!/usr/bin/env bash
# make demo: build the provider, start the local Mintlify emulator on a free
# loopback port, apply examples/demo with the freshly built provider, print
# the job, then clean everything up. Needs only Go (and terraform, which
# scripts/terraform-path.sh installs from the Go module proxy when missing).
set -euo pipefail
export CHECKPOINT_DISABLE=1
root="$(cd "$(dirname "$0")/.." && pwd)"
terraform="$("$root/scripts/terraform-path.sh")"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Building the provider and the emulator"
# Laid out as a local mirror, so terraform init installs it without network,
# under both registry hosts: Terraform resolves mintlify/mintlify on
# registry.terraform.io, OpenTofu on registry.opentofu.org.
version=0.0.1
platform="$(go env GOOS)_$(go env GOARCH)"
plugin="mintlify/mintlify/$version/$platform/terraform-provider-mintlify_v$version"
(cd "$root" && go build -ldflags "-X main.version=$version-demo" -o "$work/mirror/registry.terraform.io/$plugin" . \
  && go build -o "$work/mintlify-emulator" ./internal/emulator/cmd/mintlify-emulator)
mkdir -p "$(dirname "$work/mirror/registry.opentofu.org/$plugin")"
ln "$work/mirror/registry.terraform.io/$plugin" "$work/mirror/registry.opentofu.org/$plugin"

echo "==> Starting the Mintlify API emulator on 127.0.0.1"
"$work/mintlify-emulator" -addr 127.0.0.1:0 -url-file "$work/url" -job-duration 5s >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
[ -s "$work/url" ] || { cat "$work/emulator.log" >&2; echo "the emulator did not start" >&2; exit 1; }
base_url="$(cat "$work/url")"
echo "    $base_url"

# Install the provider just built instead of the Registry's.
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/mintlify/mintlify", "registry.opentofu.org/mintlify/mintlify"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1
mkdir -p "$work/config"
cp "$root/examples/demo/main.tf" "$work/config/"
cd "$work/config"

echo "==> terraform init"
"$terraform" init -input=false -no-color >/dev/null 2>"$work/init.log" || { cat "$work/init.log" >&2; exit 1; }
echo "==> terraform apply (the emulated agent works for 5 seconds)"
"$terraform" apply -input=false -auto-approve -no-color -compact-warnings -var "base_url=$base_url" | grep -v '^$' 

status="$("$terraform" output -raw status)"
echo
echo "Job ID:  $("$terraform" output -raw job_id)"
echo "Status:  $status"
echo "PR link: $("$terraform" output -raw pr_link)"
echo
echo "==> terraform destroy (Mintlify has no delete: the job only leaves the state)"
"$terraform" destroy -input=false -auto-approve -no-color -compact-warnings -var "base_url=$base_url" >/dev/null
[ "$status" = "completed" ]
