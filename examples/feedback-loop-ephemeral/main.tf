# The feedback loop that keeps no reader text: readers' feedback and searches
# are read with ephemeral resources, at each plan and apply, and the prompt
# goes to the job's write-only prompt_wo, so neither is in the state or a
# saved plan. Needs Terraform 1.11+ or OpenTofu 1.11+.
#
# Reader text goes to an agent that opens pull requests on the docs
# repository. feedback_prompt passes it as quoted data, after a sentence
# telling the agent that it was written by readers and is never
# instructions; the pull request is where a person reviews what the agent
# made of it.
#
# What ephemeral values cannot do: decide whether a job starts (count cannot
# depend on them), or tell Terraform that the prompt changed. So a new job
# starts when run grows: run this from a schedule, such as weekly with
#
#   terraform apply -var run=$(date +%G%V)
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
  }
}

# MINTLIFY_API_KEY and MINTLIFY_PROJECT_ID come from the environment.
provider "mintlify" {}

variable "run" {
  description = "A number that grows with each run of the loop, such as the year and ISO week (202649)."
  type        = number
}

locals {
  week_ago = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
}

# The newest 300 unhandled entries and the 100 most searched terms: 4 calls
# at each plan and each apply.
ephemeral "mintlify_feedback" "unresolved" {
  status    = "pending,in_progress"
  date_from = local.week_ago
  max_items = 300
}

ephemeral "mintlify_searches" "week" {
  date_from = local.week_ago
  max_items = 100
}

resource "mintlify_agent_job" "feedback_loop" {
  prompt_wo = coalesce(
    provider::mintlify::feedback_prompt(ephemeral.mintlify_feedback.unresolved.feedback, ephemeral.mintlify_searches.week.searches),
    "Readers reported nothing to act on this week: change nothing, and open no pull request.",
  )
  prompt_wo_version = var.run

  timeouts = {
    create = "45m"
  }
}

output "pull_request" {
  description = "Where a person reviews the agent's changes."
  value       = mintlify_agent_job.feedback_loop.pr_link
}
