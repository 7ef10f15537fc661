# Ask the documentation agent to document a new endpoint, wait until it has
# opened its pull request, and print the link.
resource "mintlify_agent_job" "widgets_docs" {
  prompt = <<-EOT
    Document the new POST /v2/widgets endpoint in the API reference:
    request body, response, errors, and a curl example.
  EOT

  # Optional: check at least every 15 s (the default cap is 30 s), and give
  # the agent up to an hour.
  poll_interval = "15s"
  timeouts = {
    create = "1h"
  }
}

output "widgets_docs_pull_request" {
  value = mintlify_agent_job.widgets_docs.pr_link
}

# Start a job without waiting for it, and accept that it may fail.
resource "mintlify_agent_job" "typo_sweep" {
  prompt              = "Fix spelling mistakes across the guides."
  wait_for_completion = false
  allow_failure       = true
}
