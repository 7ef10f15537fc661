terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
  }
}

# MINTLIFY_API_KEY and MINTLIFY_PROJECT_ID come from the environment.
provider "mintlify" {}

variable "merged_commit" {
  description = "The commit merged into the docs' deployment branch, such as $GITHUB_SHA on a push to it."
  type        = string
}

# 1. The agent documents the change on a branch and opens a pull request.
resource "mintlify_agent_job" "widgets" {
  prompt = "Document the new /v2/widgets endpoint in the API reference."
  branch = "docs/widgets"
}

# 2. A preview of that branch, for the pull request's reviewers.
resource "mintlify_preview_deployment" "widgets" {
  branch = mintlify_agent_job.widgets.branch
}

output "pull_request" {
  value = mintlify_agent_job.widgets.pr_link
}

output "preview" {
  value = mintlify_preview_deployment.widgets.preview_url
}

# 3. Production follows the deployment branch: each merged commit deploys once.
resource "mintlify_deployment" "production" {
  triggers = {
    commit = var.merged_commit
  }
}
