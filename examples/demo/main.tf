# The configuration `make demo` applies against the local emulator.
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
  }
}

variable "base_url" {
  type = string
}

provider "mintlify" {
  base_url   = var.base_url
  api_key    = "mint_emulator_key"
  project_id = "emulator-project"
}

resource "mintlify_agent_job" "quickstart" {
  prompt = "Add a quickstart page that shows how to install the CLI and publish the docs."
}

output "job_id" {
  value = mintlify_agent_job.quickstart.id
}

output "status" {
  value = mintlify_agent_job.quickstart.status
}

output "pr_link" {
  value = mintlify_agent_job.quickstart.pr_link
}
