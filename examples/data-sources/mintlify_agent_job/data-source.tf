# Read a job started elsewhere (the dashboard, a CI script, another workspace).
data "mintlify_agent_job" "release_notes" {
  id = "8f2a6c1e9b7d4e3a"
}

output "release_notes_status" {
  value = data.mintlify_agent_job.release_notes.status
}

output "release_notes_pull_request" {
  value = data.mintlify_agent_job.release_notes.pr_link
}
