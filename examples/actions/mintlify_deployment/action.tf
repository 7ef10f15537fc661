# Terraform 1.14 and later: once the agent job has opened its pull request,
# deploy a preview of its branch, as part of the same apply.
resource "mintlify_agent_job" "widgets" {
  prompt = "Document the new /v2/widgets endpoint in the API reference."
  branch = "docs/widgets"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.mintlify_deployment.preview]
    }
  }
}

action "mintlify_deployment" "preview" {
  config {
    branch  = "docs/widgets"
    timeout = "30m"
  }
}

# Without branch, the action deploys to production. Run it by hand:
# terraform apply -invoke=action.mintlify_deployment.production
action "mintlify_deployment" "production" {
  config {}
}
