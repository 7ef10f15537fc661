# The prompt that the newest unhandled feedback and the most searched terms
# make, to read before a job is started with it: "" when there is nothing
# to act on.
data "mintlify_feedback" "open" {
  status    = "pending,in_progress"
  max_items = 100
}

data "mintlify_searches" "top" {
  max_items = 50
}

output "prompt" {
  value = provider::mintlify::feedback_prompt(data.mintlify_feedback.open.feedback, data.mintlify_searches.top.searches)
}
