# Terraform 1.14 and later: when the API specification changes, ask the
# agent to update the reference docs, as part of the same apply.
action "mintlify_agent_job" "update_api_docs" {
  config {
    prompt        = "The OpenAPI specification changed: update the API reference pages to match it."
    allow_failure = true
    timeout       = "45m"
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
      actions = [action.mintlify_agent_job.update_api_docs]
    }
  }
}

# Or run it by hand: terraform apply -invoke=action.mintlify_agent_job.update_api_docs
