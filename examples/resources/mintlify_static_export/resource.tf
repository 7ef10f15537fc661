# Export the docs of each release into a self-contained bundle, for a site
# served inside the company network.
variable "release" {
  description = "The release whose docs to export, such as v2.4.0."
  type        = string
}

resource "mintlify_static_export" "docs" {
  domain  = "docs.example.com"
  version = var.release

  triggers = {
    release = var.release
  }

  timeouts = {
    create = "45m"
  }
}

# The resource keeps no link to the bundle, a credential: read one where it
# is used with the mintlify_static_export_bundle ephemeral resource.
