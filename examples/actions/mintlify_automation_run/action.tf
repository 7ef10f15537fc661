# Terraform 1.14 and later: run a scheduled automation whenever the API
# specification changes.
action "mintlify_automation_run" "refresh_reference" {
  config {
    automation_id = "66a1f0c2e4b5d6a7b8c9d0e1"
  }
}

variable "openapi_spec_sha" {
  description = "The checksum of the API specification, for example filesha256(\"openapi.yaml\")."
  type        = string
}

resource "terraform_data" "openapi_spec" {
  input = var.openapi_spec_sha

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.mintlify_automation_run.refresh_reference]
    }
  }
}
