# The last week's unhandled feedback and unanswered searches as one prompt
# for the documentation agent; no job when there is nothing to act on.
locals {
  week_ago = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
}

data "mintlify_feedback" "open" {
  status    = "pending,in_progress"
  date_from = local.week_ago
  max_items = 300
}

data "mintlify_searches" "week" {
  date_from = local.week_ago
  max_items = 100
}

locals {
  prompt = provider::mintlify::feedback_prompt(data.mintlify_feedback.open.feedback, data.mintlify_searches.week.searches)
}

resource "mintlify_agent_job" "readers" {
  count  = local.prompt == "" ? 0 : 1
  prompt = local.prompt
}
