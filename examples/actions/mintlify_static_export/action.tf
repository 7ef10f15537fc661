# Terraform 1.14 and later: export the docs whenever the release changes,
# or by hand with terraform apply -invoke=action.mintlify_static_export.docs
variable "release" {
  type = string
}

resource "terraform_data" "release" {
  input = var.release

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.mintlify_static_export.docs]
    }
  }
}

action "mintlify_static_export" "docs" {
  config {
    domain  = "docs.example.com"
    version = var.release
    timeout = "45m"
  }
}
