#!/usr/bin/env bash
# Prints the path of a terraform binary for tests, docs and the demo: the one
# on PATH, else bin/terraform, installed with `go install` from the Go module
# proxy on first use (v1.5.7 is the last release that installs that way).
# It never downloads a release binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ] && [ -x "${TF_ACC_TERRAFORM_PATH}" ]; then
  echo "${TF_ACC_TERRAFORM_PATH}"
elif command -v terraform >/dev/null 2>&1; then
  command -v terraform
else
  if [ ! -x "$root/bin/terraform" ]; then
    echo "terraform is not on PATH: installing v1.5.7 into bin/ with go install (takes a minute)..." >&2
    GOBIN="$root/bin" GOFLAGS=-mod=mod go install github.com/hashicorp/terraform@v1.5.7 >&2
  fi
  echo "$root/bin/terraform"
fi
