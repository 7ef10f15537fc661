# The static export served with Helm, for Terraform 1.5 to 1.10, which have
# no ephemeral resources or write-only values: the link to the bundle comes
# from the mintlify_static_export data source. What that costs: the link, a
# credential, is stored in the state (and in a saved plan, and in Helm's
# state) until it expires, and every plan asks for a new one, so every plan
# proposes a Helm upgrade. On Terraform 1.11 or later, use
# ../static-export-helm instead.
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

resource "mintlify_static_export" "docs" {
  domain  = "docs.example.com"
  version = var.release

  triggers = {
    release = var.release
  }
}

# Read at every plan: a new link each time, stored in the state.
data "mintlify_static_export" "docs" {
  id = mintlify_static_export.docs.id
}

resource "helm_release" "docs" {
  name       = "mintlify-docs"
  repository = var.chart_repository
  chart      = "enterprise"

  set_sensitive = [{
    name  = "staticExport.bundleUrl"
    value = data.mintlify_static_export.docs.bundle_url
  }]
}
