# A review stage: the pull request a job opened, as the GitHub provider
# reads it (its state, title, labels, head branch).
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
    github = {
      source = "integrations/github"
    }
  }
}

# MINTLIFY_API_KEY and MINTLIFY_PROJECT_ID come from the environment.
provider "mintlify" {}

# GITHUB_TOKEN comes from the environment. For a GitHub Enterprise host, set
# base_url = "https://HOST/api/v3/" (the host is local.pr.host).
provider "github" {}

variable "job_id" {
  description = "The agent job whose pull request to review."
  type        = string
}

data "mintlify_agent_job" "docs" {
  id = var.job_id
}

locals {
  # Null when the job opened no pull request.
  pr = provider::mintlify::parse_pr_link(data.mintlify_agent_job.docs.pr_link)
}

data "github_repository_pull_request" "docs" {
  count = local.pr == null ? 0 : 1

  owner           = local.pr.owner
  base_repository = local.pr.repository
  number          = local.pr.number
}

output "review" {
  value = local.pr == null ? "no pull request" : "${local.pr.full_name}#${local.pr.number} is ${one(data.github_repository_pull_request.docs[*].state)}"
}
