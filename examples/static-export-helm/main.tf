# Export the docs of a release, then serve them inside the cluster with
# Mintlify's Enterprise Helm chart: the chart's staticExport.bundleUrl is
# the export's bundle link, which a refresh renews before it expires.
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
    # The block syntax below is the helm provider's before 3.0; from 3.0,
    # kubernetes and set_sensitive are attributes: kubernetes = { ... } and
    # set_sensitive = [{ name = ..., value = ... }].
    helm = {
      source  = "hashicorp/helm"
      version = ">= 1.3, < 3.0"
    }
  }
}

# MINTLIFY_API_KEY comes from the environment.
provider "mintlify" {}

provider "helm" {
  kubernetes {
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

resource "mintlify_static_export" "docs" {
  domain  = "docs.example.com"
  version = var.release

  triggers = {
    release = var.release
  }
}

resource "helm_release" "docs" {
  name       = "mintlify-docs"
  repository = var.chart_repository
  chart      = "enterprise"

  set_sensitive {
    name  = "staticExport.bundleUrl"
    value = mintlify_static_export.docs.bundle_url
  }
}
