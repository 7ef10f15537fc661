# Close the loop: once a week (or at any apply), ask the agent to fix what
# readers reported and could not find. The prompt is built from the last
# week's unresolved feedback and the searches that found nothing readers
# clicked; when they change, the prompt does, and a new job starts.
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

data "mintlify_feedback" "unresolved" {
  status    = "pending,in_progress"
  date_from = local.week_ago
}

data "mintlify_searches" "week" {
  date_from = local.week_ago
}

locals {
  # Mintlify counts a search's hits as how often it was searched: a search
  # that found nothing useful is one no reader clicked a result of.
  unanswered_searches = sort([for s in data.mintlify_searches.week.searches : s.query if s.ctr == 0])
  feedback = sort(distinct([
    for f in data.mintlify_feedback.unresolved.feedback :
    f.comment == null ? f.path : "${f.path}: ${f.comment}"
  ]))
}

resource "mintlify_agent_job" "feedback_loop" {
  count = length(local.feedback) + length(local.unanswered_searches) > 0 ? 1 : 0

  prompt = join("\n", concat(
    ["Improve the docs for what readers reported this week."],
    length(local.feedback) > 0 ? concat(["Unresolved feedback, by page:"], [for f in local.feedback : "- ${f}"]) : [],
    length(local.unanswered_searches) > 0 ? concat(["Searches that found nothing useful:"], [for q in local.unanswered_searches : "- ${q}"]) : [],
  ))

  timeouts = {
    create = "45m"
  }
}

output "pull_request" {
  value = one(mintlify_agent_job.feedback_loop[*].pr_link)
}
