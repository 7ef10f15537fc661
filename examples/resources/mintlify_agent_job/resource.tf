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

# A conversation: follow-up prompts are sent to the same job, one after the
# other. Appending one later sends just the new prompt, in place.
resource "mintlify_agent_job" "onboarding_guide" {
  prompt = "Write an onboarding guide for new API users."
  follow_up_prompts = [
    "Add a section on authentication with code samples in Python and Go.",
    "Shorten the introduction to two paragraphs.",
  ]
  timeouts = {
    create = "1h"
    update = "1h"
  }
}

# The v1 options: the model, the branch, a draft pull request and extra
# system instructions. Setting any of them starts the job through Mintlify's
# deprecated v1 endpoint, the only one that takes them.
resource "mintlify_agent_job" "style_pass" {
  prompt        = "Apply the style guide to every page under guides/."
  model         = "opus"
  branch        = "docs/style-pass"
  as_draft      = true
  system_prompt = "Use British English and sentence-case headings."
}
