# Export the docs of a release, then serve them inside the cluster with
# Mintlify's Enterprise Helm chart, whose staticExport.bundleUrl is a link to
# the export's bundle. The link is a credential that expires: it is read with
# the mintlify_static_export_bundle ephemeral resource and handed to Helm as
# a write-only value, so it is never in the state or a saved plan, and Helm
# gets a fresh one only when the export changes.
#
# Needs Terraform 1.11 or later (OpenTofu 1.11 or later) and hashicorp/helm
# 3.1 or later. On Terraform 1.5 to 1.10, see ../static-export-helm-data-source.
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
    helm = {
      source  = "hashicorp/helm"
      version = ">= 3.1"
    }
  }
}

# MINTLIFY_API_KEY comes from the environment.
provider "mintlify" {}

provider "helm" {
  kubernetes = {
    config_path = "~/.kube/config"
  }
}

variable "release" {
  description = "The release whose docs to serve, such as v2.4.0."
  type        = string
}

variable "chart_repository" {
  description = "The Helm repository of Mintlify's Enterprise chart, as Mintlify gave it to you."
  type        = string
}

variable "link_renewal" {
  description = "Raise it (0 to 99) to hand Helm a fresh link to the same export. A link expires (an hour after it was asked for, say): a pod that starts after that, a restart or a new replica, cannot download the bundle until an apply with a higher link_renewal hands Helm a fresh link."
  type        = number
  default     = 0
}

resource "mintlify_static_export" "docs" {
  domain  = "docs.example.com"
  version = var.release

  triggers = {
    release = var.release
  }
}

# A fresh link at each plan and apply, never stored.
ephemeral "mintlify_static_export_bundle" "docs" {
  id = mintlify_static_export.docs.id
}

resource "helm_release" "docs" {
  name       = "mintlify-docs"
  repository = var.chart_repository
  chart      = "enterprise"

  set_wo = [{
    name  = "staticExport.bundleUrl"
    value = ephemeral.mintlify_static_export_bundle.docs.url
  }]
  # Helm sends set_wo only when this grows: with each new export (its
  # creation time, as a number), and when link_renewal is raised.
  set_wo_revision = tonumber(formatdate("YYYYMMDDhhmmss", mintlify_static_export.docs.created_at)) * 100 + var.link_renewal
}
