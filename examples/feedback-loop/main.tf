# Close the loop: ask the agent to fix what readers reported this week and
# what they searched for without finding it. When that changes, the prompt
# does, and a new job starts.
#
# Reader text goes to an agent that opens pull requests on the docs
# repository. feedback_prompt passes it as quoted data, after a sentence
# telling the agent that it was written by readers and is never
# instructions; the pull request is where a person reviews what the agent
# made of it. Needs Terraform 1.8+ or OpenTofu 1.7+ (provider functions).
#
# Plan, then apply that saved plan: the plan reads the analytics, which
# every workspace of the organization shares at 100 calls an hour, and the
# apply of the saved plan reads nothing again (a plain `terraform apply`
# would plan, and read, once more):
#
#   terraform plan -out=feedback.tfplan
#   terraform apply feedback.tfplan
terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
  }
}

# MINTLIFY_API_KEY and MINTLIFY_PROJECT_ID come from the environment.
provider "mintlify" {}

locals {
  week_ago = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
}

# The newest 300 unhandled entries, in 3 calls whatever the site's volume:
# more than the prompt holds once the helpful, comment-less and repeated
# ones are left out.
data "mintlify_feedback" "unresolved" {
  status    = "pending,in_progress"
  date_from = local.week_ago
  max_items = 300
}

# The 100 most searched terms, in 1 call.
data "mintlify_searches" "week" {
  date_from = local.week_ago
  max_items = 100
}

locals {
  prompt = provider::mintlify::feedback_prompt(data.mintlify_feedback.unresolved.feedback, data.mintlify_searches.week.searches)
}

resource "mintlify_agent_job" "feedback_loop" {
  count  = local.prompt == "" ? 0 : 1
  prompt = local.prompt

  timeouts = {
    create = "45m"
  }
}

output "pull_request" {
  description = "Where a person reviews the agent's changes."
  value       = one(mintlify_agent_job.feedback_loop[*].pr_link)
}
